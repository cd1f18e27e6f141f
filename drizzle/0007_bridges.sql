CREATE TABLE "bridge_messages" (
	"bridge_id" uuid NOT NULL,
	"origin_side" text NOT NULL,
	"origin_id" text NOT NULL,
	"copy_id" text,
	"state" text DEFAULT 'live' NOT NULL,
	"text_hash" text,
	"last_change_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bridge_messages_bridge_id_origin_side_origin_id_pk" PRIMARY KEY("bridge_id","origin_side","origin_id")
);
--> statement-breakpoint
CREATE TABLE "bridges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"a_connection_id" uuid NOT NULL,
	"a_channel" text NOT NULL,
	"b_connection_id" uuid NOT NULL,
	"b_channel" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"subscriptions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bridge_messages" ADD CONSTRAINT "bridge_messages_bridge_id_bridges_id_fk" FOREIGN KEY ("bridge_id") REFERENCES "public"."bridges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bridges" ADD CONSTRAINT "bridges_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bridges" ADD CONSTRAINT "bridges_a_connection_id_connections_id_fk" FOREIGN KEY ("a_connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bridges" ADD CONSTRAINT "bridges_b_connection_id_connections_id_fk" FOREIGN KEY ("b_connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bridge_messages_copy_idx" ON "bridge_messages" USING btree ("bridge_id","origin_side","copy_id");--> statement-breakpoint
CREATE INDEX "bridges_workspace_idx" ON "bridges" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "bridges_a_connection_idx" ON "bridges" USING btree ("a_connection_id");--> statement-breakpoint
CREATE INDEX "bridges_b_connection_idx" ON "bridges" USING btree ("b_connection_id");