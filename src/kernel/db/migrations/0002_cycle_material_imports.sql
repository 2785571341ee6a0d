CREATE TABLE "meeting_agenda_items" (
	"municipality_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"speaker" text,
	"materials" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "meeting_agenda_items_municipality_id_meeting_id_position_pk" PRIMARY KEY("municipality_id","meeting_id","position")
);
--> statement-breakpoint
CREATE TABLE "meeting_materials" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "meeting_materials_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "meeting_materials_kind_check" CHECK ("meeting_materials"."kind" in ('plan_overview','reports','text'))
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"start_time" text,
	"end_time" text,
	"venue" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"shared_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "meetings_time_check" CHECK (("meetings"."start_time" is null or "meetings"."start_time" ~ '^[0-2][0-9]:[0-5][0-9]$') and ("meetings"."end_time" is null or "meetings"."end_time" ~ '^[0-2][0-9]:[0-5][0-9]$'))
);
--> statement-breakpoint
CREATE TABLE "document_imports" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"lines" text[] DEFAULT '{}'::text[] NOT NULL,
	"parsed" jsonb NOT NULL,
	"corrections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"applied" jsonb,
	"status" text DEFAULT 'previewed' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_by" text,
	"applied_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "document_imports_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "document_imports_status_check" CHECK ("document_imports"."status" in ('previewed','applied','discarded'))
);
--> statement-breakpoint
CREATE TABLE "report_photos" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"alt" text NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"original_name" text DEFAULT '' NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_photos_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "report_photos_alt_check" CHECK (length(trim("report_photos"."alt")) > 0),
	CONSTRAINT "report_photos_content_type_check" CHECK ("report_photos"."content_type" in ('image/jpeg','image/png','image/webp'))
);
--> statement-breakpoint
CREATE TABLE "report_reminders" (
	"municipality_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"round_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"outcome" text NOT NULL,
	"error" text,
	"sent_by" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_reminders_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "report_reminders_outcome_check" CHECK ("report_reminders"."outcome" in ('sent','failed'))
);
--> statement-breakpoint
CREATE TABLE "staged_uploads" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "staged_uploads_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_municipality_id_meeting_id_meetings_municipality_id_id_fk" FOREIGN KEY ("municipality_id","meeting_id") REFERENCES "public"."meetings"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_materials" ADD CONSTRAINT "meeting_materials_municipality_id_meeting_id_meetings_municipality_id_id_fk" FOREIGN KEY ("municipality_id","meeting_id") REFERENCES "public"."meetings"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_municipality_id_ward_id_wards_municipality_id_id_fk" FOREIGN KEY ("municipality_id","ward_id") REFERENCES "public"."wards"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_imports" ADD CONSTRAINT "document_imports_municipality_id_ward_id_wards_municipality_id_id_fk" FOREIGN KEY ("municipality_id","ward_id") REFERENCES "public"."wards"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_photos" ADD CONSTRAINT "report_photos_municipality_id_report_id_reports_municipality_id_id_fk" FOREIGN KEY ("municipality_id","report_id") REFERENCES "public"."reports"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminders" ADD CONSTRAINT "report_reminders_municipality_id_round_id_report_rounds_municipality_id_id_fk" FOREIGN KEY ("municipality_id","round_id") REFERENCES "public"."report_rounds"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminders" ADD CONSTRAINT "report_reminders_municipality_id_organisation_id_organisations_municipality_id_id_fk" FOREIGN KEY ("municipality_id","organisation_id") REFERENCES "public"."organisations"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staged_uploads" ADD CONSTRAINT "staged_uploads_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_materials_meeting_idx" ON "meeting_materials" USING btree ("municipality_id","meeting_id","position");--> statement-breakpoint
CREATE INDEX "meetings_ward_idx" ON "meetings" USING btree ("municipality_id","ward_id","date");--> statement-breakpoint
CREATE INDEX "document_imports_ward_idx" ON "document_imports" USING btree ("municipality_id","ward_id","created_at");--> statement-breakpoint
CREATE INDEX "report_photos_report_idx" ON "report_photos" USING btree ("municipality_id","report_id","position");--> statement-breakpoint
CREATE INDEX "report_reminders_round_idx" ON "report_reminders" USING btree ("municipality_id","round_id","sent_at");--> statement-breakpoint
CREATE INDEX "staged_uploads_expiry_idx" ON "staged_uploads" USING btree ("expires_at");