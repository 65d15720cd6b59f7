CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	`ticket_seq` integer DEFAULT 0 NOT NULL,
	`identity_secret` text NOT NULL,
	`settings` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `agents` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`password_salt` text NOT NULL,
	`password_iterations` integer NOT NULL,
	`status` text DEFAULT 'offline' NOT NULL,
	`last_seen_at` integer,
	`capacity` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agents_email_unique` ON `agents` (`email`);--> statement-breakpoint
CREATE INDEX `agents_account_idx` ON `agents` (`account_id`);--> statement-breakpoint
CREATE TABLE `channel_threads` (
	`account_id` text NOT NULL,
	`channel` text NOT NULL,
	`thread_key` text NOT NULL,
	`ticket_id` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`account_id`, `channel`, `thread_key`)
);
--> statement-breakpoint
CREATE INDEX `channel_threads_ticket_idx` ON `channel_threads` (`ticket_id`);--> statement-breakpoint
CREATE TABLE `inbound_receipts` (
	`account_id` text NOT NULL,
	`channel` text NOT NULL,
	`provider_message_id` text NOT NULL,
	`ticket_id` text NOT NULL,
	`message_id` text NOT NULL,
	`created_ticket` integer NOT NULL,
	`reopened` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`account_id`, `channel`, `provider_message_id`)
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`ticket_id` text NOT NULL,
	`message_id` text NOT NULL,
	`channel` text NOT NULL,
	`recipient` text,
	`body` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_message_unique` ON `outbox` (`message_id`);--> statement-breakpoint
CREATE INDEX `outbox_status_idx` ON `outbox` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`email` text,
	`phone` text,
	`name` text,
	`external_id` text,
	`segments` text DEFAULT '[]' NOT NULL,
	`sms_consent` text DEFAULT 'unknown' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `profiles_account_email_idx` ON `profiles` (`account_id`,`email`);--> statement-breakpoint
CREATE INDEX `profiles_account_phone_idx` ON `profiles` (`account_id`,`phone`);--> statement-breakpoint
CREATE INDEX `profiles_account_external_idx` ON `profiles` (`account_id`,`external_id`);--> statement-breakpoint
CREATE TABLE `saved_views` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`agent_id` text,
	`name` text NOT NULL,
	`filters` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `saved_views_account_idx` ON `saved_views` (`account_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`agent_id` text NOT NULL,
	`account_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE INDEX `sessions_agent_idx` ON `sessions` (`agent_id`);--> statement-breakpoint
CREATE TABLE `ticket_tags` (
	`account_id` text NOT NULL,
	`ticket_id` text NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`ticket_id`, `tag`)
);
--> statement-breakpoint
CREATE INDEX `ticket_tags_account_tag_idx` ON `ticket_tags` (`account_id`,`tag`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`number` integer NOT NULL,
	`channel` text NOT NULL,
	`status` text NOT NULL,
	`snooze_until` integer,
	`assignee_id` text,
	`team_id` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`customer_profile_id` text,
	`customer_email` text,
	`customer_phone` text,
	`customer_name` text,
	`subject` text,
	`preview` text,
	`spam` integer DEFAULT false NOT NULL,
	`unread` integer DEFAULT true NOT NULL,
	`handled_by` text DEFAULT 'team' NOT NULL,
	`message_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`last_message_at` integer,
	`last_customer_message_at` integer,
	`last_agent_message_at` integer,
	`first_response_at` integer,
	`closed_at` integer,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_account_number_unique` ON `tickets` (`account_id`,`number`);--> statement-breakpoint
CREATE INDEX `tickets_account_status_updated_idx` ON `tickets` (`account_id`,`status`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `tickets_account_assignee_idx` ON `tickets` (`account_id`,`assignee_id`,`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `tickets_account_updated_idx` ON `tickets` (`account_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `tickets_account_created_idx` ON `tickets` (`account_id`,`created_at`);