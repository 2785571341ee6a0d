CREATE TABLE "audit_events" (
	"municipality_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"action" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "audit_events_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"login" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"ward_id" uuid,
	"organisation_id" uuid,
	"district_id" uuid,
	"locale" text DEFAULT 'ja' NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "users_login_unique" UNIQUE("login"),
	CONSTRAINT "users_role_scope_check" CHECK (("users"."role" = 'city_admin' and "users"."ward_id" is null and "users"."organisation_id" is null and "users"."district_id" is null)
       or ("users"."role" in ('ward_secretariat','committee_member') and "users"."ward_id" is not null and "users"."organisation_id" is null and "users"."district_id" is null)
       or ("users"."role" = 'owner_staff' and "users"."organisation_id" is not null and "users"."district_id" is null)
       or ("users"."role" = 'district_support' and "users"."district_id" is not null and "users"."organisation_id" is null))
);
--> statement-breakpoint
CREATE TABLE "districts" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "districts_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "districts_slug_unique" UNIQUE("municipality_id","slug")
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"prefecture" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipalities_slug_unique" UNIQUE("slug"),
	CONSTRAINT "municipalities_kind_check" CHECK ("municipalities"."kind" in ('designated_city','city','town','village'))
);
--> statement-breakpoint
CREATE TABLE "wards" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "wards_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "wards_slug_unique" UNIQUE("municipality_id","slug")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"ward_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"collective" boolean DEFAULT false NOT NULL,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "organisations_key_unique" UNIQUE("municipality_id","key"),
	CONSTRAINT "organisations_kind_check" CHECK ("organisations"."kind" in ('ward_office_section','ward_council_of_social_welfare','community_care_plaza','civic_activity_center','district_council_of_social_welfare','neighbourhood_association','npo','company','school','university','medical','welfare_facility','committee','special','other'))
);
--> statement-breakpoint
CREATE TABLE "node_owners" (
	"municipality_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "node_owners_municipality_id_node_id_organisation_id_pk" PRIMARY KEY("municipality_id","node_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "plan_nodes" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"parent_id" uuid,
	"position" integer NOT NULL,
	"code" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"description" text,
	"situation" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"vision" text,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"examples" text[] DEFAULT '{}'::text[] NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_nodes_municipality_id_id_pk" PRIMARY KEY("municipality_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_periods" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"fiscal_year_start" integer NOT NULL,
	"fiscal_year_end" integer,
	"name" text NOT NULL,
	"nickname" text,
	"philosophy" text,
	"levels" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'adopted' NOT NULL,
	"source" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_periods_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "plan_periods_number_unique" UNIQUE("municipality_id","plan_id","number"),
	CONSTRAINT "plan_periods_span_check" CHECK ("plan_periods"."fiscal_year_end" is null or "plan_periods"."fiscal_year_end" >= "plan_periods"."fiscal_year_start"),
	CONSTRAINT "plan_periods_status_check" CHECK ("plan_periods"."status" in ('formulating','adopted'))
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"municipality_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"tier" text NOT NULL,
	"ward_id" uuid,
	"district_id" uuid,
	"parent_plan_id" uuid,
	"name" text NOT NULL,
	"nickname" text,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_municipality_id_id_pk" PRIMARY KEY("municipality_id","id"),
	CONSTRAINT "plans_key_unique" UNIQUE("municipality_id","key"),
	CONSTRAINT "plans_tier_check" CHECK ("plans"."tier" in ('city','ward','district')),
	CONSTRAINT "plans_tier_scope_check" CHECK (("plans"."tier" = 'city' and "plans"."ward_id" is null and "plans"."district_id" is null)
       or ("plans"."tier" = 'ward' and "plans"."ward_id" is not null and "plans"."district_id" is null)
       or ("plans"."tier" = 'district' and "plans"."district_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_municipality_id_user_id_users_municipality_id_id_fk" FOREIGN KEY ("municipality_id","user_id") REFERENCES "public"."users"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_municipality_id_ward_id_wards_municipality_id_id_fk" FOREIGN KEY ("municipality_id","ward_id") REFERENCES "public"."wards"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_municipality_id_organisation_id_organisations_municipality_id_id_fk" FOREIGN KEY ("municipality_id","organisation_id") REFERENCES "public"."organisations"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_municipality_id_district_id_districts_municipality_id_id_fk" FOREIGN KEY ("municipality_id","district_id") REFERENCES "public"."districts"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "districts" ADD CONSTRAINT "districts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "districts" ADD CONSTRAINT "districts_municipality_id_ward_id_wards_municipality_id_id_fk" FOREIGN KEY ("municipality_id","ward_id") REFERENCES "public"."wards"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wards" ADD CONSTRAINT "wards_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_municipality_id_ward_id_wards_municipality_id_id_fk" FOREIGN KEY ("municipality_id","ward_id") REFERENCES "public"."wards"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "node_owners" ADD CONSTRAINT "node_owners_municipality_id_node_id_plan_nodes_municipality_id_id_fk" FOREIGN KEY ("municipality_id","node_id") REFERENCES "public"."plan_nodes"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "node_owners" ADD CONSTRAINT "node_owners_municipality_id_organisation_id_organisations_municipality_id_id_fk" FOREIGN KEY ("municipality_id","organisation_id") REFERENCES "public"."organisations"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD CONSTRAINT "plan_nodes_municipality_id_period_id_plan_periods_municipality_id_id_fk" FOREIGN KEY ("municipality_id","period_id") REFERENCES "public"."plan_periods"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD CONSTRAINT "plan_nodes_municipality_id_parent_id_plan_nodes_municipality_id_id_fk" FOREIGN KEY ("municipality_id","parent_id") REFERENCES "public"."plan_nodes"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_periods" ADD CONSTRAINT "plan_periods_municipality_id_plan_id_plans_municipality_id_id_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."plans"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_municipality_id_ward_id_wards_municipality_id_id_fk" FOREIGN KEY ("municipality_id","ward_id") REFERENCES "public"."wards"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_municipality_id_district_id_districts_municipality_id_id_fk" FOREIGN KEY ("municipality_id","district_id") REFERENCES "public"."districts"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_municipality_id_parent_plan_id_plans_municipality_id_id_fk" FOREIGN KEY ("municipality_id","parent_plan_id") REFERENCES "public"."plans"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("municipality_id","entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "sessions_expiry_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "node_owners_org_idx" ON "node_owners" USING btree ("municipality_id","organisation_id");--> statement-breakpoint
CREATE INDEX "plan_nodes_tree_idx" ON "plan_nodes" USING btree ("municipality_id","period_id","parent_id","position");