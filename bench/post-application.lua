-- POST /api/v1/applications with a new applicant and a new Idempotency-Key each time, to the
-- intake named by BENCH_INTAKE (a FR-SEVRAN cohort), as BENCH_TOKEN's staff user.
-- BENCH_RUN makes the emails and keys unique across measures and runs.
local intake = os.getenv("BENCH_INTAKE")
local token = os.getenv("BENCH_TOKEN")
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local last_names = { "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
  "Leroy", "Moreau", "Benali", "Haddad", "Fontaine", "Chevalier", "Diallo", "Traoré" }
local first_names = { "Inès", "Yanis", "Lina", "Adam", "Sarah", "Mohamed", "Emma", "Lucas", "Nour", "Jade" }
local counter = 0
tid = 0

function setup(thread)
  tid = tid + 1
  thread:set("tid", tid)
end

function request()
  counter = counter + 1
  local key = run .. "-" .. tid .. "-" .. counter
  local body = '{"intakeId":"' .. intake .. '","applicant":{"firstName":"'
    .. first_names[counter % #first_names + 1] .. '","lastName":"' .. last_names[counter % #last_names + 1]
    .. '","birthDate":"1999-04-' .. string.format("%02d", counter % 28 + 1)
    .. '","email":"bench.' .. key .. '@example.org","phone":"+33612345678",'
    .. '"address":{"line":"1 rue de l\'École","postalCode":"93270","city":"Sevran","country":"FR"},'
    .. '"nationality":"FR","gender":"FEMALE","educationLevel":"BAC","priorityPublics":[]},'
    .. '"consents":[{"purpose":"APPLICATION_PROCESSING","granted":true}]}'
  return wrk.format("POST", "/api/v1/applications", {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = "bench-" .. key,
  }, body)
end
