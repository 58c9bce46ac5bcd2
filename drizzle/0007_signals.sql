CREATE TABLE "signal_alert" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"hit_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"signal_name" text NOT NULL,
	"template" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "signal_hit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"signal_key" text NOT NULL,
	"account_id" uuid NOT NULL,
	"first_fired_at" timestamp (3) with time zone NOT NULL,
	"last_fired_at" timestamp (3) with time zone NOT NULL,
	"evidence" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"evidence_at" timestamp (3) with time zone,
	"revision" integer NOT NULL,
	"closed_at" timestamp (3) with time zone,
	"task_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "signal_alert" ADD CONSTRAINT "signal_alert_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_alert" ADD CONSTRAINT "signal_alert_hit_id_signal_hit_id_fk" FOREIGN KEY ("hit_id") REFERENCES "public"."signal_hit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_alert" ADD CONSTRAINT "signal_alert_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_hit" ADD CONSTRAINT "signal_hit_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_hit" ADD CONSTRAINT "signal_hit_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_hit" ADD CONSTRAINT "signal_hit_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "signal_alert_hit_user_idx" ON "signal_alert" USING btree ("hit_id","user_id");--> statement-breakpoint
CREATE INDEX "signal_alert_inbox_idx" ON "signal_alert" USING btree ("workspace_id","user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "signal_hit_open_idx" ON "signal_hit" USING btree ("workspace_id","signal_key","account_id") WHERE "signal_hit"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "signal_hit_ws_account_idx" ON "signal_hit" USING btree ("workspace_id","account_id","first_fired_at");--> statement-breakpoint
CREATE INDEX "signal_hit_ws_signal_idx" ON "signal_hit" USING btree ("workspace_id","signal_key","first_fired_at");--> statement-breakpoint
CREATE INDEX "activity_ws_type_account_time_idx" ON "activity" USING btree ("workspace_id","type","account_id","occurred_at","id");