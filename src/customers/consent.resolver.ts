import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';

import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import { ConsentService } from './consent.service';
import { Consent, SetConsentInput, SetConsentResult } from './consent.types';
import { Customer, type CustomerRecord } from './customer.entity';

@Resolver(() => Customer)
export class ConsentResolver {
  constructor(private readonly service: ConsentService) {}

  @Authorized(Access.changeConsent)
  @Mutation(() => SetConsentResult, {
    description:
      "Records the customer's choice for one purpose, with where they made it; a change lands on the timeline (CONSENT_CHANGED). Staff other than ANALYST, or the customer themself.",
  })
  setConsent(
    @Arg('input', { description: 'The customer, the purpose and the choice.' }) input: SetConsentInput,
    @Ctx() ctx: Context,
  ): Promise<SetConsentResult> {
    return this.service.set(ctx, input);
  }

  @Authorized(Access.readCustomer)
  @FieldResolver(() => [Consent], {
    description: "The customer's consent for every purpose, recorded or by default, in the order of ConsentPurpose.",
  })
  consents(@Root() customer: CustomerRecord, @Ctx() ctx: Context): Promise<Consent[]> {
    return ctx.loaders.consentsByCustomer.load(customer.id);
  }
}
