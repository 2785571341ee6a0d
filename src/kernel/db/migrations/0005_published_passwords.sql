ALTER TABLE "users" ADD COLUMN "password_published" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "users_password_published_idx" ON "users" USING btree ("municipality_id") WHERE "users"."password_published" and not "users"."disabled";--> statement-breakpoint
-- The demo's accounts made before this column existed still have the README's password unless someone has set a new one since (an audited reset or change).
UPDATE "users" SET "password_published" = true
WHERE "login" IN ('city-admin', 'totsuka-secretariat', 'asahi-secretariat', 'tsurumi-secretariat', 'asahi-shakyo-staff', 'asahi-committee', 'tsurumi-district-team')
  AND NOT EXISTS (
    SELECT 1 FROM "audit_events" AS "a"
    WHERE "a"."municipality_id" = "users"."municipality_id" AND "a"."entity_type" = 'user' AND "a"."entity_id" = "users"."id"
      AND "a"."action" IN ('reset_password', 'change_password')
  );
