ALTER TABLE "wards" ADD COLUMN "contact_department" text;--> statement-breakpoint
ALTER TABLE "wards" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "wards" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "wards" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;