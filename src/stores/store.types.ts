import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A new store.' })
export class CreateStoreInput {
  @Field({ description: "The store's name." })
  name!: string;

  @Field({ description: 'Unique within the tenant; letters, digits, - and _.' })
  code!: string;

  @Field({ description: 'Region used by regional promotions.' })
  region!: string;
}
