-- The audit log (src/db/schema/platform.ts): who did what and when, per account, newest first by (at, id).
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`target` text,
	`ip` text,
	`details` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_account_at_idx` ON `audit_log` (`account_id`,`at`,`id`);--> statement-breakpoint
CREATE INDEX `audit_account_action_at_idx` ON `audit_log` (`account_id`,`action`,`at`,`id`);--> statement-breakpoint
CREATE INDEX `audit_account_actor_at_idx` ON `audit_log` (`account_id`,`actor_id`,`at`,`id`);
