CREATE TABLE "acquisition_cost" (
	"workspace_id" uuid NOT NULL,
	"month" text NOT NULL,
	"amount" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "acquisition_cost_workspace_id_month_pk" PRIMARY KEY("workspace_id","month"),
	CONSTRAINT "acquisition_cost_month" CHECK ("acquisition_cost"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "acquisition_cost_amount" CHECK ("acquisition_cost"."amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "acquisition_cost" ADD CONSTRAINT "acquisition_cost_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acquisition_cost" ADD CONSTRAINT "acquisition_cost_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;