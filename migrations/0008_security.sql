-- Security (issue 10 items 1-6): the identity secret's rotation grace, login throttling, and who made a shared view.
ALTER TABLE `accounts` ADD `previous_identity_secret` text;--> statement-breakpoint
ALTER TABLE `accounts` ADD `previous_identity_secret_until` integer;--> statement-breakpoint
ALTER TABLE `saved_views` ADD `created_by` text;--> statement-breakpoint
UPDATE `saved_views` SET `created_by` = `agent_id` WHERE `agent_id` IS NOT NULL;--> statement-breakpoint
CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`last_failure_at` integer NOT NULL,
	`blocked_until` integer
);
