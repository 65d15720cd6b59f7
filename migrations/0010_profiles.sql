-- Customer profiles, turn 2 (src/profiles/): merged profiles point at the survivor, consent per channel, the
-- event timeline, saved timeline filters and the commerce actions agents take from a ticket; tickets' AI tags.
ALTER TABLE `profiles` ADD `merged_into` text;--> statement-breakpoint
ALTER TABLE `profiles` ADD `whatsapp_consent` text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE `profiles` ADD `email_consent` text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE `profiles` ADD `loyalty_snapshot` text;--> statement-breakpoint
CREATE INDEX `profiles_merged_into_idx` ON `profiles` (`account_id`,`merged_into`) WHERE merged_into IS NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `ai_tags` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
CREATE INDEX `tickets_account_profile_idx` ON `tickets` (`account_id`,`customer_profile_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `profile_events` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`profile_id` text NOT NULL,
	`metric` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`properties` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `profile_events_profile_idx` ON `profile_events` (`account_id`,`profile_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `profile_event_filters` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`name` text NOT NULL,
	`metrics` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `profile_event_filters_name_unique` ON `profile_event_filters` (`account_id`,`agent_id`,`name`);--> statement-breakpoint
CREATE TABLE `commerce_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`profile_id` text NOT NULL,
	`ticket_id` text,
	`agent_id` text NOT NULL,
	`provider` text NOT NULL,
	`action` text NOT NULL,
	`target_id` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `commerce_actions_account_provider_idx` ON `commerce_actions` (`account_id`,`provider`,`at`);
--> statement-breakpoint
CREATE TABLE `short_links` (
	`code` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`profile_id` text,
	`ticket_id` text NOT NULL,
	`message_id` text NOT NULL,
	`url` text NOT NULL,
	`created_at` integer NOT NULL
);
