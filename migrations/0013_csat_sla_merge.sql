-- CSAT, SLA timers and priority, merged tickets (issue 13); SLA policies live in the account's settings (section sla). The ticket actor stays the truth; these columns are
-- its index for views and reports (src/tickets/repository.ts ticketRow).
ALTER TABLE `tickets` ADD `priority` text DEFAULT 'normal' NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `csat_asked_at` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `csat_score` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `csat_at` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `sla_policy_id` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `sla_due_at` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `sla_warn_at` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `sla_measured` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `sla_met` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `merged_into` text;--> statement-breakpoint
CREATE INDEX `tickets_csat_asked_idx` ON `tickets` (`account_id`,`csat_asked_at`) WHERE csat_asked_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `tickets_sla_due_idx` ON `tickets` (`account_id`,`sla_due_at`,`id`) WHERE sla_due_at IS NOT NULL AND status = 'open';
