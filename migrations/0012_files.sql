-- Files attached to messages (src/files/): the bytes are in R2 under `r2_key`, these rows scope them to an
-- account and a ticket. `source_key` makes an inbound media item (provider message id + position) stored once.
CREATE TABLE `files` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`ticket_id` text NOT NULL,
	`name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`r2_key` text NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `files_account_ticket_idx` ON `files` (`account_id`,`ticket_id`);
