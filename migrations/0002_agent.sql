CREATE TABLE `agent_turns` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` text NOT NULL,
	`ticket_id` text NOT NULL,
	`skill` text NOT NULL,
	`confidence` real NOT NULL,
	`channel` text NOT NULL,
	`question` text NOT NULL,
	`outcome` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `agent_turns_account_skill_at_idx` ON `agent_turns` (`account_id`,`skill`,`at`);--> statement-breakpoint
CREATE INDEX `agent_turns_account_ticket_idx` ON `agent_turns` (`account_id`,`ticket_id`,`at`);--> statement-breakpoint
CREATE TABLE `integrations` (
	`account_id` text NOT NULL,
	`kind` text NOT NULL,
	`credentials` text NOT NULL,
	`connected_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`account_id`, `kind`)
);
--> statement-breakpoint
CREATE TABLE `knowledge_articles` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`account_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `knowledge_articles_id_unique` ON `knowledge_articles` (`id`);--> statement-breakpoint
CREATE INDEX `knowledge_articles_account_created_idx` ON `knowledge_articles` (`account_id`,`created_at`,`seq`);--> statement-breakpoint
CREATE INDEX `knowledge_articles_account_kind_idx` ON `knowledge_articles` (`account_id`,`kind`);--> statement-breakpoint
CREATE TABLE `skill_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`description` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `skill_requests_account_idx` ON `skill_requests` (`account_id`,`created_at`);