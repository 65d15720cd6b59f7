CREATE TABLE `channel_addresses` (
	`channel` text NOT NULL,
	`address` text NOT NULL,
	`account_id` text NOT NULL,
	PRIMARY KEY(`channel`, `address`)
);
--> statement-breakpoint
CREATE INDEX `channel_addresses_account_idx` ON `channel_addresses` (`account_id`);