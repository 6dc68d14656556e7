import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';

import { Access } from '../shared/auth/roles';
import type { Context } from '../shared/context';
import type { ContactVerificationService } from './contact-verification.service';
import {
  ConfirmContactChangeInput,
  ContactChangeRequest,
  RequestContactChangeInput,
} from './contact-verification.types';
import { Customer, type CustomerRecord } from './customer.entity';

@Resolver()
export class ContactVerificationResolver {
  constructor(private readonly service: ContactVerificationService) {}

  @Authorized(Access.changeOwnContact)
  @Mutation(() => ContactChangeRequest, {
    description:
      'Sends a one-time code to a new email or phone for the calling customer; the profile keeps its old value, and the new one identifies nobody, until confirmContactChange. A new request voids the previous code of that kind. The customer themself only.',
  })
  requestContactChange(
    @Arg('input', { description: 'The contact, its new value and the idempotency key.' })
    input: RequestContactChangeInput,
    @Ctx() ctx: Context,
  ): Promise<ContactChangeRequest> {
    return this.service.request(ctx, input);
  }

  @Authorized(Access.changeOwnContact)
  @Mutation(() => Customer, {
    description:
      'Puts the pending email or phone on the profile with the code sent to it. Codes expire, allow a few attempts and are single use; confirming the same code again changes nothing. The customer themself only.',
  })
  confirmContactChange(
    @Arg('input', { description: 'Which pending change, and the code received.' }) input: ConfirmContactChangeInput,
    @Ctx() ctx: Context,
  ): Promise<CustomerRecord> {
    return this.service.confirm(ctx, input);
  }
}
