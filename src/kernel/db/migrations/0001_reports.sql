CREATE TABLE "report_assignment_owners" (
	"municipality_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "report_assignment_owners_municipality_id_assignment_id_organisation_id_pk" PRIMARY KEY("municipality_id","assignment_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "report_assignments" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "report_assignments_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "report_forms" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"fields" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_forms_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "report_forms_ward_unique" UNIQUE("municipality_id","ward_id")
);
--> statement-breakpoint
CREATE TABLE "report_return_comments" (
	"municipality_id" uuid NOT NULL,
	"state_change_id" bigint NOT NULL,
	"field_key" text NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "report_return_comments_municipality_id_state_change_id_field_key_pk" PRIMARY KEY("municipality_id","state_change_id","field_key")
);
--> statement-breakpoint
CREATE TABLE "report_rounds" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"title" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"fields" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_rounds_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "report_rounds_status_check" CHECK ("report_rounds"."status" in ('open','closed'))
);
--> statement-breakpoint
CREATE TABLE "report_state_changes" (
	"municipality_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"report_id" uuid NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_state_changes_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"last_changed_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "reports_assignment_unique" UNIQUE("municipality_id","assignment_id"),
	CONSTRAINT "reports_state_check" CHECK ("reports"."state" in ('draft','submitted','returned','accepted')),
	CONSTRAINT "reports_published_check" CHECK (not "reports"."published" or "reports"."state" = 'accepted')
);
--> statement-breakpoint
ALTER TABLE "report_assignment_owners" ADD CONSTRAINT "report_assignment_owners_municipality_id_assignment_id_report_assignments_municipality_id_id_fk" FOREIGN KEY ("municipality_id","assignment_id") REFERENCES "public"."report_assignments"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_assignment_owners" ADD CONSTRAINT "report_assignment_owners_municipality_id_organisation_id_organisations_municipality_id_id_fk" FOREIGN KEY ("municipality_id","organisation_id") REFERENCES "public"."organisations"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_assignments" ADD CONSTRAINT "report_assignments_municipality_id_round_id_report_rounds_municipality_id_id_fk" FOREIGN KEY ("municipality_id","round_id") REFERENCES "public"."report_rounds"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_assignments" ADD CONSTRAINT "report_assignments_municipality_id_node_id_plan_nodes_municipality_id_id_fk" FOREIGN KEY ("municipality_id","node_id") REFERENCES "public"."plan_nodes"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_forms" ADD CONSTRAINT "report_forms_municipality_id_ward_id_wards_municipality_id_id_fk" FOREIGN KEY ("municipality_id","ward_id") REFERENCES "public"."wards"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_return_comments" ADD CONSTRAINT "report_return_comments_municipality_id_state_change_id_report_state_changes_municipality_id_id_fk" FOREIGN KEY ("municipality_id","state_change_id") REFERENCES "public"."report_state_changes"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_rounds" ADD CONSTRAINT "report_rounds_municipality_id_ward_id_wards_municipality_id_id_fk" FOREIGN KEY ("municipality_id","ward_id") REFERENCES "public"."wards"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_rounds" ADD CONSTRAINT "report_rounds_municipality_id_period_id_plan_periods_municipality_id_id_fk" FOREIGN KEY ("municipality_id","period_id") REFERENCES "public"."plan_periods"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_state_changes" ADD CONSTRAINT "report_state_changes_municipality_id_report_id_reports_municipality_id_id_fk" FOREIGN KEY ("municipality_id","report_id") REFERENCES "public"."reports"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_municipality_id_assignment_id_report_assignments_municipality_id_id_fk" FOREIGN KEY ("municipality_id","assignment_id") REFERENCES "public"."report_assignments"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_assignment_owners_org_idx" ON "report_assignment_owners" USING btree ("municipality_id","organisation_id");--> statement-breakpoint
CREATE INDEX "report_assignments_round_idx" ON "report_assignments" USING btree ("municipality_id","round_id","position");--> statement-breakpoint
CREATE INDEX "report_rounds_ward_idx" ON "report_rounds" USING btree ("municipality_id","ward_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "report_state_changes_report_idx" ON "report_state_changes" USING btree ("municipality_id","report_id","id");