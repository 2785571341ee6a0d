CREATE TABLE "evaluation_publications" (
	"municipality_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_publications_municipality_id_plan_id_fiscal_year_pk" PRIMARY KEY("municipality_id","plan_id","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "evaluation_scales" (
	"municipality_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"grades" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_scales_municipality_id_plan_id_pk" PRIMARY KEY("municipality_id","plan_id")
);
--> statement-breakpoint
CREATE TABLE "node_evaluations" (
	"municipality_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"grade" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "node_evaluations_municipality_id_node_id_fiscal_year_pk" PRIMARY KEY("municipality_id","node_id","fiscal_year")
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "self_grade" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "self_comment" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation_publications" ADD CONSTRAINT "evaluation_publications_municipality_id_plan_id_plans_municipality_id_id_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."plans"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scales" ADD CONSTRAINT "evaluation_scales_municipality_id_plan_id_plans_municipality_id_id_fk" FOREIGN KEY ("municipality_id","plan_id") REFERENCES "public"."plans"("municipality_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "node_evaluations" ADD CONSTRAINT "node_evaluations_municipality_id_node_id_plan_nodes_municipality_id_id_fk" FOREIGN KEY ("municipality_id","node_id") REFERENCES "public"."plan_nodes"("municipality_id","id") ON DELETE cascade ON UPDATE no action;