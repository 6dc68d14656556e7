import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { Access } from '../shared/auth/roles';
import { Channel } from '../shared/channel';
import { BaseEntity } from '../shared/db/base.entity';
import { TenantOwnedEntity } from '../tenancy/tenant-owned.entity';

export enum TermsKind {
  /** The program's terms and conditions as a channel shows them to members. */
  PROGRAM_TERMS = 'PROGRAM_TERMS',
  /** What contact-center agents (or store staff) are to say about the program. */
  AGENT_SCRIPT = 'AGENT_SCRIPT',
}

registerEnumType(TermsKind, {
  name: 'TermsKind',
  description: 'The kind of text published per channel and locale.',
  valuesConfig: {
    PROGRAM_TERMS: { description: "The program's terms and conditions as a channel shows them to members." },
    AGENT_SCRIPT: { description: 'What contact-center agents (or store staff) are to say about the program.' },
  },
});

/**
 * One published version of a text, per kind, channel and locale. Versions are never edited: publishing
 * again adds the next one, so what a member or an agent was shown can always be read back.
 */
@ObjectType({ description: 'A published version of the program terms or an agent script for one channel and locale.' })
@Entity()
@Unique({ properties: ['tenant', 'kind', 'channel', 'locale', 'version'] })
@Unique({ properties: ['tenant', 'idempotencyKey'] })
export class ProgramTerms extends TenantOwnedEntity {
  @Field(() => TermsKind, { description: 'Program terms or an agent script.' })
  @Enum({ items: () => TermsKind, nativeEnumName: 'terms_kind' })
  kind!: TermsKind;

  @Field(() => Channel, { description: 'The channel it is written for.' })
  @Enum({ items: () => Channel, nativeEnumName: 'terms_channel' })
  channel!: Channel;

  @Field({ description: 'A canonical BCP 47 tag, e.g. "fr-CA".' })
  @Property({ type: 'text' })
  locale!: string;

  @Field(() => Int, { description: '1, 2, ... per kind, channel and locale.' })
  @Property({ type: 'integer' })
  version!: number;

  @Field({ description: 'The title shown with it.' })
  @Property({ type: 'text' })
  title!: string;

  @Field({ description: 'The text itself.' })
  @Property({ type: 'text' })
  body!: string;

  @Field({ description: 'From then on this version is the current one (until a later version takes effect).' })
  @Property({ type: 'timestamptz' })
  effectiveFrom!: Date;

  @Authorized(Access.readProgramInternals)
  @Field({ description: 'Who published it: key:<id>. Staff only: a customer selecting it gets FORBIDDEN.' })
  @Property({ type: 'text' })
  publishedBy!: string;

  @Property({ type: 'text', hidden: true })
  idempotencyKey!: string;

  @Property({ type: 'string', columnType: 'char(64)', hidden: true })
  requestHash!: string;
}

@ObjectType({ description: 'An agent (key) confirming they read a version of a script.' })
@Entity()
@Unique({ properties: ['termsId', 'actor'] })
@Index({ properties: ['tenantId', 'termsId'] })
export class ScriptAcknowledgement extends BaseEntity {
  @Property({ type: 'uuid' })
  tenantId!: string;

  @Field(() => ID, { description: 'The script version acknowledged.' })
  @Property({ type: 'uuid' })
  termsId!: string;

  @Field(() => Int, { description: "That script's version number." })
  @Property({ type: 'integer' })
  version!: number;

  @Field({ description: 'The API key (agent desktop login) that acknowledged.' })
  @Property({ type: 'text' })
  actor!: string;
}
