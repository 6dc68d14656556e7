/** The MikroORM filter that scopes every query of a tenant-owned entity; mikro-orm.config.ts defines it. */
export const TENANT_FILTER = 'tenant';

export interface TenantFilterParams {
  tenantId: string;
}
