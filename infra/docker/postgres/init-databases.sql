-- Runs once, when the PostgreSQL container initialises an empty data volume
-- (/docker-entrypoint-initdb.d). Each service owns one database; no service reads another's.
-- The services also create their database when it is missing, so this only saves a start-up step.
CREATE DATABASE sales;
CREATE DATABASE customer;
CREATE DATABASE fulfillment;
CREATE DATABASE marketplace;
CREATE DATABASE warehouse;
