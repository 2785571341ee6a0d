CREATE TABLE "search_documents" (
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_id" text NOT NULL,
	"ward_id" uuid,
	"period_id" uuid,
	"period_label" text,
	"fiscal_year" integer,
	"readers" text[] NOT NULL,
	"title" text NOT NULL,
	"path" text NOT NULL,
	"body" text NOT NULL,
	"search_text" text NOT NULL,
	"lexemes" "tsvector" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_documents_municipality_id_kind_source_id_pk" PRIMARY KEY("municipality_id","kind","source_id")
);
--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_municipality_id_ward_id_wards_municipality_id_id_fk" FOREIGN KEY ("municipality_id","ward_id") REFERENCES "public"."wards"("municipality_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_documents_lexemes_idx" ON "search_documents" USING gin ("lexemes");--> statement-breakpoint
CREATE INDEX "search_documents_ward_idx" ON "search_documents" USING btree ("municipality_id","ward_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "search_documents_period_idx" ON "search_documents" USING btree ("municipality_id","period_id") WHERE "search_documents"."period_id" is not null;