CREATE TYPE "public"."proposal_status" AS ENUM('open', 'changes_requested', 'approved', 'merged', 'closed');--> statement-breakpoint
CREATE TYPE "public"."review_kind" AS ENUM('comment', 'request_changes', 'approve');--> statement-breakpoint
CREATE TABLE "onboarding_progress" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"pinned_revision" integer NOT NULL,
	"sections_read" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "onboarding_progress_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "playbook_proposal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"reason" text NOT NULL,
	"author_id" uuid,
	"base_revision" integer NOT NULL,
	"document" jsonb NOT NULL,
	"status" "proposal_status" DEFAULT 'open' NOT NULL,
	"merged_revision" integer,
	"session_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "playbook_read" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playbook_read_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "playbook_review" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"author_id" uuid,
	"kind" "review_kind" NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "playbook_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"document" jsonb NOT NULL,
	"author_id" uuid,
	"reason" text NOT NULL,
	"session_id" uuid,
	"proposal_id" uuid,
	"restored_from" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playbook_revision_number_positive" CHECK ("playbook_revision"."number" > 0)
);
--> statement-breakpoint
CREATE TABLE "reading_path" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"sections" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signal_acknowledgement" (
	"workspace_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"signal_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"department" "department" NOT NULL,
	"changes" text NOT NULL,
	"acknowledged_at" timestamp with time zone,
	CONSTRAINT "signal_acknowledgement_workspace_id_revision_signal_id_user_id_pk" PRIMARY KEY("workspace_id","revision","signal_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "onboarding_progress" ADD CONSTRAINT "onboarding_progress_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_progress" ADD CONSTRAINT "onboarding_progress_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_proposal" ADD CONSTRAINT "playbook_proposal_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_proposal" ADD CONSTRAINT "playbook_proposal_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_read" ADD CONSTRAINT "playbook_read_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_read" ADD CONSTRAINT "playbook_read_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_review" ADD CONSTRAINT "playbook_review_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_review" ADD CONSTRAINT "playbook_review_proposal_id_playbook_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."playbook_proposal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_review" ADD CONSTRAINT "playbook_review_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_revision" ADD CONSTRAINT "playbook_revision_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_revision" ADD CONSTRAINT "playbook_revision_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_path" ADD CONSTRAINT "reading_path_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_path" ADD CONSTRAINT "reading_path_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_acknowledgement" ADD CONSTRAINT "signal_acknowledgement_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_acknowledgement" ADD CONSTRAINT "signal_acknowledgement_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "playbook_proposal_ws_number_idx" ON "playbook_proposal" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE INDEX "playbook_proposal_ws_status_idx" ON "playbook_proposal" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE INDEX "playbook_review_proposal_idx" ON "playbook_review" USING btree ("proposal_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "playbook_revision_ws_number_idx" ON "playbook_revision" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE INDEX "signal_ack_user_idx" ON "signal_acknowledgement" USING btree ("workspace_id","user_id","acknowledged_at");