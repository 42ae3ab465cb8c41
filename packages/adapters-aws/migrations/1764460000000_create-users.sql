-- Up Migration
-- Password accounts. `id` is text because the domain's IdGenerator decides the id format (UUIDv7 in
-- production, short readable ids in tests). `username` is stored as given; uniqueness is case-insensitive
-- through the index below, which the repository also uses to find a user by name in any case.
CREATE TABLE users (
  id text PRIMARY KEY,
  username text NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL
);

-- The repository maps a unique violation (23505) on THIS name to UsernameTakenError: keep them in step.
CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username));

-- Down Migration
DROP TABLE users;
