CREATE TABLE `macros` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`name` text NOT NULL,
	`body` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`usage_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `macros_account_idx` ON `macros` (`account_id`,`name`);--> statement-breakpoint
DROP INDEX `profiles_account_email_idx`;--> statement-breakpoint
DROP INDEX `profiles_account_phone_idx`;--> statement-breakpoint
DROP INDEX `profiles_account_external_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `profiles_account_email_unique` ON `profiles` (`account_id`,`email`) WHERE email IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `profiles_account_phone_unique` ON `profiles` (`account_id`,`phone`) WHERE phone IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `profiles_account_external_unique` ON `profiles` (`account_id`,`external_id`) WHERE external_id IS NOT NULL;