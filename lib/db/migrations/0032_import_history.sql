CREATE TABLE "imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_user_id" integer,
	"actor_key_id" integer,
	"file_name" text,
	"content_hash" text NOT NULL,
	"key" text,
	"status" text NOT NULL,
	"rows" integer NOT NULL,
	"changed" integer NOT NULL,
	"refusals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imports_key_unique" UNIQUE("key"),
	CONSTRAINT "imports_kind" CHECK ("imports"."kind" in ('categories', 'products', 'skus', 'prices', 'pictures', 'stores', 'stock')),
	CONSTRAINT "imports_status" CHECK ("imports"."status" in ('applied', 'unchanged', 'refused')),
	CONSTRAINT "imports_counts" CHECK ("imports"."rows" >= 0 AND "imports"."changed" >= 0 AND "imports"."changed" <= "imports"."rows")
);
--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imports_created_idx" ON "imports" USING btree ("created_at");