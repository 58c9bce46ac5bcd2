CREATE TABLE "data_audit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"actor_id" uuid,
	"stale_days" integer NOT NULL,
	"counts" jsonb NOT NULL,
	"score" integer NOT NULL,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hygiene_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"stale_days" integer DEFAULT 90 NOT NULL,
	"audit_schedule" text DEFAULT 'monthly' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hygiene_settings_stale_days" CHECK ("hygiene_settings"."stale_days" between 1 and 3650),
	CONSTRAINT "hygiene_settings_schedule" CHECK ("hygiene_settings"."audit_schedule" in ('monthly', 'off'))
);
--> statement-breakpoint
CREATE TABLE "merge_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"survivor_id" uuid NOT NULL,
	"loser_id" uuid NOT NULL,
	"survivor_before" jsonb NOT NULL,
	"loser_before" jsonb NOT NULL,
	"choices" jsonb NOT NULL,
	"moved" jsonb NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "data_audit" ADD CONSTRAINT "data_audit_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_audit" ADD CONSTRAINT "data_audit_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hygiene_settings" ADD CONSTRAINT "hygiene_settings_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hygiene_settings" ADD CONSTRAINT "hygiene_settings_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merge_record" ADD CONSTRAINT "merge_record_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merge_record" ADD CONSTRAINT "merge_record_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_audit_ws_ran_idx" ON "data_audit" USING btree ("workspace_id","ran_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "merge_record_ws_created_idx" ON "merge_record" USING btree ("workspace_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "merge_record_survivor_idx" ON "merge_record" USING btree ("survivor_id");--> statement-breakpoint
CREATE INDEX "merge_record_loser_idx" ON "merge_record" USING btree ("loser_id");