import type { components } from "./generated/schema.js";

type Schemas = components["schemas"];

/** A Front conversation. */
export type Conversation = Schemas["ConversationResponse"];
/** A message in a conversation. */
export type Message = Schemas["MessageResponse"];
/** A contact. */
export type Contact = Schemas["ContactResponse"];
/** A contact handle (source + handle). */
export type ContactHandle = Schemas["ContactHandle"];
/** An inbox. */
export type Inbox = Schemas["InboxResponse"];
/** A tag. */
export type Tag = Schemas["TagResponse"];
/** A teammate. */
export type Teammate = Schemas["TeammateResponse"];
/** A channel (the sender of new messages). */
export type Channel = Schemas["ChannelResponse"];
/** A comment on a conversation. */
export type Comment = Schemas["CommentResponse"];
/** A message recipient. */
export type Recipient = Schemas["RecipientResponse"];
/** An attachment as Front returns it. */
export type Attachment = Schemas["Attachment"];
/** A team (workspace). */
export type Team = Schemas["TeamResponse"];
/** A custom conversation status (ticketing). */
export type Status = Schemas["StatusResponse"];
/** A link. */
export type Link = Schemas["LinkResponse"];
/** A contact account. */
export type Account = Schemas["AccountResponse"];
/** The body of `POST /channels/{channel_id}/messages` (JSON). */
export type OutboundMessage = Schemas["OutboundMessage"];
/** The body of `POST /conversations/{conversation_id}/messages` (JSON). */
export type OutboundReplyMessage = Schemas["OutboundReplyMessage"];
/** The body of `POST /contacts`. */
export type CreateContact = Schemas["CreateContact"];
