import { Field, InputType } from 'type-graphql';

@InputType()
export class CreateStoreInput {
  @Field()
  name!: string;

  @Field({ description: 'Unique within the tenant; letters, digits, - and _.' })
  code!: string;

  @Field()
  region!: string;
}
