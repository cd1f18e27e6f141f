ALTER TABLE "streams" ADD COLUMN "lease_owner" uuid;--> statement-breakpoint
ALTER TABLE "streams" ADD COLUMN "lease_until" timestamp with time zone;