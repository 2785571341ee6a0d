ALTER TABLE "municipalities" ADD COLUMN "romanised_name" text;--> statement-breakpoint
ALTER TABLE "districts" ADD COLUMN "romanised_name" text;--> statement-breakpoint
ALTER TABLE "wards" ADD COLUMN "romanised_name" text;