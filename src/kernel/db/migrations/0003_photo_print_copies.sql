ALTER TABLE "report_photos" ADD COLUMN "print_bytes" "bytea";--> statement-breakpoint
ALTER TABLE "report_photos" ADD COLUMN "print_content_type" text;--> statement-breakpoint
ALTER TABLE "report_photos" ADD COLUMN "print_width" integer;--> statement-breakpoint
ALTER TABLE "report_photos" ADD COLUMN "print_height" integer;--> statement-breakpoint
ALTER TABLE "report_photos" ADD CONSTRAINT "report_photos_print_content_type_check" CHECK ("report_photos"."print_content_type" in ('image/jpeg','image/png'));--> statement-breakpoint
ALTER TABLE "report_photos" ADD CONSTRAINT "report_photos_print_copy_check" CHECK (("report_photos"."print_bytes" is null) = ("report_photos"."print_content_type" is null) and ("report_photos"."print_bytes" is null) = ("report_photos"."print_width" is null) and ("report_photos"."print_bytes" is null) = ("report_photos"."print_height" is null));