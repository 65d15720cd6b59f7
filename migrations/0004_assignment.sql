CREATE TABLE `team_members` (
	`account_id` text NOT NULL,
	`team_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`team_id`, `agent_id`)
);
--> statement-breakpoint
CREATE INDEX `team_members_account_agent_idx` ON `team_members` (`account_id`,`agent_id`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`priority` integer NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`segments` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `teams_account_priority_idx` ON `teams` (`account_id`,`priority`);--> statement-breakpoint
CREATE UNIQUE INDEX `teams_account_name_unique` ON `teams` (`account_id`,`name`);