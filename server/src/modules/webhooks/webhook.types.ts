import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ItemEventType } from '../live/live.types.js';
import { WebhookDeliveryStatus } from './webhook.entity.js';

/** A secret: 16 to 256 printable characters (no spaces or control characters). */
const SECRET = /^[\x21-\x7e]+$/;

@InputType({ description: 'A webhook to register (docs/integrators.md, "Webhooks")' })
export class WebhookInput {
  @Field({ description: 'http(s) URL the events are POSTed to; a private or loopback address only where the installation allows it' })
  @MaxLength(2000)
  url!: string;

  @Field({ description: 'Signs every delivery (HMAC-SHA256); 16 to 256 printable characters. Never shown again.' })
  @MinLength(16)
  @MaxLength(256)
  @Matches(SECRET, { message: 'printable characters without spaces' })
  secret!: string;

  @Field(() => [ItemEventType], { description: 'The item events to receive' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  eventTypes!: ItemEventType[];

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200)
  description?: string;
}

@InputType({ description: 'What to change in a webhook; what is not given stays' })
export class WebhookUpdateInput {
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(2000)
  url?: string;

  @Field({ nullable: true, description: 'A new secret (rotation): deliveries from now on are signed with it' })
  @IsOptional()
  @MinLength(16)
  @MaxLength(256)
  @Matches(SECRET, { message: 'printable characters without spaces' })
  secret?: string;

  @Field(() => [ItemEventType], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  eventTypes?: ItemEventType[];

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200)
  description?: string;

  @Field({ nullable: true, description: 'false: no new deliveries are made and none is sent until it is true again' })
  @IsOptional()
  active?: boolean;
}

@ObjectType('Webhook', { description: 'A registered webhook; its secret is never returned, only its last characters' })
export class WebhookView {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [ItemEventType])
  eventTypes!: ItemEventType[];

  @Field()
  active!: boolean;

  @Field({ description: 'The secret masked: its last four characters, e.g. "…k9Qz"' })
  secretHint!: string;

  @Field({ description: 'Who receives through it, and whose access decides what: "token:<name>" or a username' })
  owner!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType({ description: 'One attempt to send a delivery' })
export class WebhookAttempt {
  @Field(() => Int, { description: 'From 1, over every round (a replay continues the count)' })
  number!: number;

  @Field(() => Date)
  at!: Date;

  @Field(() => Int)
  durationMs!: number;

  @Field(() => Int, { nullable: true, description: 'The answer’s HTTP status; null when there was none (time-out, refused, …)' })
  httpStatus!: number | null;

  @Field(() => String, { nullable: true })
  error!: string | null;
}

@ObjectType('WebhookDelivery', { description: 'One event (or ping) sent to one webhook, with every attempt' })
export class WebhookDeliveryView {
  @Field(() => ID, { description: 'Sent as X-Otklik-Delivery and as `id` in the body: the receiver’s key for idempotency' })
  id!: string;

  @Field(() => ID)
  webhookId!: string;

  @Field({ description: 'An ItemEventType, or PING' })
  eventType!: string;

  @Field(() => ID, { nullable: true })
  itemId!: string | null;

  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Field({ description: 'The JSON body as sent (the same bytes on every attempt)' })
  body!: string;

  @Field(() => [WebhookAttempt])
  attempts!: WebhookAttempt[];

  @Field(() => Date, { nullable: true })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType()
export class WebhookDeliveryPage {
  @Field(() => [WebhookDeliveryView], { description: 'Newest first' })
  nodes!: WebhookDeliveryView[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page' })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

