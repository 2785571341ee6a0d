CREATE TABLE "district_activities" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"date" date NOT NULL,
	"fiscal_year" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"participants" integer,
	"notes" text DEFAULT '' NOT NULL,
	"generated" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "district_activities_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "district_activities_kind_check" CHECK ("district_activities"."kind" in ('meeting','forum','event','other')),
	CONSTRAINT "district_activities_participants_check" CHECK ("district_activities"."participants" is null or "district_activities"."participants" >= 0)
);
--> statement-breakpoint
CREATE TABLE "district_activity_targets" (
	"municipality_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	CONSTRAINT "district_activity_targets_municipality_id_activity_id_node_id_pk" PRIMARY KEY("municipality_id","activity_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "district_milestones" (
	"municipality_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"fiscal_year" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "district_milestones_municipality_id_district_id_kind_pk" PRIMARY KEY("municipality_id","district_id","kind"),
	CONSTRAINT "district_milestones_kind_check" CHECK ("district_milestones"."kind" in ('organisation_founded','first_forum','plan_adopted'))
);
--> statement-breakpoint
CREATE TABLE "district_records" (
	"municipality_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"association_area" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"generated" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "district_records_municipality_id_district_id_pk" PRIMARY KEY("municipality_id","district_id")
);
--> statement-breakpoint
CREATE TABLE "district_statistics" (
	"municipality_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"item" text NOT NULL,
	"value" numeric(16, 4) NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "district_statistics_municipality_id_district_id_fiscal_year_item_pk" PRIMARY KEY("municipality_id","district_id","fiscal_year","item")
);
--> statement-breakpoint
CREATE TABLE "district_team_members" (
	"municipality_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"organisation" text NOT NULL,
	"unit" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"lead" boolean DEFAULT false NOT NULL,
	CONSTRAINT "district_team_members_municipality_id_district_id_position_pk" PRIMARY KEY("municipality_id","district_id","position"),
	CONSTRAINT "district_team_members_organisation_check" CHECK ("district_team_members"."organisation" in ('ward_office','social_welfare_council','care_plaza','other'))
);
--> statement-breakpoint
ALTER TABLE "district_activities" ADD CONSTRAINT "district_activities_municipality_id_district_id_district_records_municipality_id_district_id_fk" FOREIGN KEY ("municipality_id","district_id") REFERENCES "public"."district_records"("municipality_id","district_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_activity_targets" ADD CONSTRAINT "district_activity_targets_municipality_id_activity_id_district_activities_municipality_id_id_fk" FOREIGN KEY ("municipality_id","activity_id") REFERENCES "public"."district_activities"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_activity_targets" ADD CONSTRAINT "district_activity_targets_municipality_id_node_id_plan_nodes_municipality_id_id_fk" FOREIGN KEY ("municipality_id","node_id") REFERENCES "public"."plan_nodes"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_milestones" ADD CONSTRAINT "district_milestones_municipality_id_district_id_district_records_municipality_id_district_id_fk" FOREIGN KEY ("municipality_id","district_id") REFERENCES "public"."district_records"("municipality_id","district_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_records" ADD CONSTRAINT "district_records_municipality_id_district_id_districts_municipality_id_id_fk" FOREIGN KEY ("municipality_id","district_id") REFERENCES "public"."districts"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_statistics" ADD CONSTRAINT "district_statistics_municipality_id_district_id_district_records_municipality_id_district_id_fk" FOREIGN KEY ("municipality_id","district_id") REFERENCES "public"."district_records"("municipality_id","district_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_team_members" ADD CONSTRAINT "district_team_members_municipality_id_district_id_district_records_municipality_id_district_id_fk" FOREIGN KEY ("municipality_id","district_id") REFERENCES "public"."district_records"("municipality_id","district_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "district_activities_district_idx" ON "district_activities" USING btree ("municipality_id","district_id","date");--> statement-breakpoint
CREATE INDEX "district_activity_targets_node_idx" ON "district_activity_targets" USING btree ("municipality_id","node_id");