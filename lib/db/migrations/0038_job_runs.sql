-- The last start of each job a fleet runs once per period (lib/jobs/claim.ts): the daily sweep of
-- unused pictures lists the whole store of pictures, and every server of a fleet ran it each day.
-- A server now starts such a run only by moving started_at forward in one conditional statement.
CREATE TABLE "job_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL
);
