-- wrk script for bench/run.sh. Environment:
--   BENCH_MODE  portal (GET /api/v1/listings?q=) | es (POST /pinnwand-listings/_search, the portal's query)
--               | html (GET /search?q=) | matches (GET /api/v1/listings/{id}/matches)
--   BENCH_WORDS file with one search word (or, for matches, one listing id) a line
-- Each request picks a random line, so both sides see the same varied mix of words.
-- done() prints one line: "RESULT requests p50_us p99_us non2xx socket_errors".
local mode = os.getenv("BENCH_MODE")
local words = {}
for line in io.lines(os.getenv("BENCH_WORDS")) do
  if #line > 0 then words[#words + 1] = line end
end

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- The body ListingSearch sends for a text query without filters (relevance order, page 1, size 20): the exact
-- phase, which is all that a query whose words the index knows costs (the tolerant phase runs only when a word
-- is unknown or nothing is found). Facets are filter aggregations (each facet counted with the other filters)
-- and scoring adds freshness decay; two term suggesters in 'missing' mode (title, description) look for the
-- query's words unknown to the index; the 'did you mean' suggester belongs to the tolerant phase only. The Java
-- client adds ?typed_keys=true. Keep in
-- step with ListingSearch. The synonym clauses ListingSearch adds for words with a rule in
-- search-mappings/synonyms.json come from BENCH_ALTERNATIVES (bench/synonym_alternatives.py, which mirrors
-- search.Synonyms): one line per word, its alternatives after tabs.
-- The topic facet counts parent topics only (listings carry their sub-topics' parents too).
local facet = function(name, include)
  return '"' .. name .. '":{"filter":{"bool":{}},"aggregations":{"values":{"terms":{"field":"' .. name
    .. '",' .. (include and ('"include":' .. include .. ',') or '') .. '"size":30}}}}'
end
local parents = '["language-learning","accompaniment","housing","donations","mobility","work","children",'
  .. '"health","leisure","meeting-places","interpreting","counselling"]'
local body_template = '{"aggregations":{' .. facet("kind") .. ',' .. facet("topics", parents) .. ',' .. facet("languages")
  .. ',' .. facet("district") .. '},"_source":{"excludes":["text","timeSlots"]},"from":0,"post_filter":{"bool":{}},'
  .. '"query":{"function_score":{"boost_mode":"multiply","score_mode":"sum",'
  .. '"functions":[{"gauss":{"createdAt":{"origin":"now","scale":"30d","decay":0.5}},"weight":0.5}],'
  .. '"query":{"bool":{"filter":[{"range":{"expiresAt":{"gt":"now"}}}],"must":[{"bool":{"minimum_should_match":"1",'
  .. '"should":[{"multi_match":{"fields":["title^3","description","text.*.title^3","text.*.description",'
  .. '"title.compound^1.5","description.compound^0.5"],"query":"WORD","type":"best_fields"}}]}}]}}}},'
  .. '"size":20,"sort":[{"_score":{"order":"desc"}},{"createdAt":{"order":"desc"}},{"id":{"order":"asc"}}],'
  .. '"suggest":{"text":"WORD","unknownInTitles":{"term":{"field":"title","min_word_length":4,"size":1,'
  .. '"suggest_mode":"missing"}},"unknownInDescriptions":{"term":{"field":"description","min_word_length":4,'
  .. '"size":1,"suggest_mode":"missing"}}},"track_total_hits":true}'

local alternatives = {}
local alternatives_file = os.getenv("BENCH_ALTERNATIVES")
if alternatives_file then
  for line in io.lines(alternatives_file) do
    local fields = {}
    for field in line:gmatch("[^\t]+") do fields[#fields + 1] = field end
    if #fields > 1 then
      alternatives[fields[1]] = { (table.unpack or unpack)(fields, 2) }
    end
  end
end

-- The clauses ListingSearch adds for one alternative: a phrase only on the analysed fields, a word also on the
-- compound parts; boost 0.8.
local function alternative_clause(alternative)
  if alternative:find(" ") then
    return '{"multi_match":{"boost":0.8,"fields":["title^3","description","text.*.title^3","text.*.description"],'
      .. '"query":"' .. alternative .. '","type":"phrase"}}'
  end
  return '{"multi_match":{"boost":0.8,"fields":["title^3","description","text.*.title^3","text.*.description",'
    .. '"title.compound^1.5","description.compound^0.5"],"query":"' .. alternative .. '","type":"best_fields"}}'
end

local requests = {}
for i, w in ipairs(words) do
  if mode == "portal" then
    requests[i] = wrk.format("GET", "/api/v1/listings?q=" .. urlencode(w))
  elseif mode == "html" then
    requests[i] = wrk.format("GET", "/search?q=" .. urlencode(w))
  elseif mode == "matches" then
    requests[i] = wrk.format("GET", "/api/v1/listings/" .. w .. "/matches")
  else
    local body = body_template:gsub("WORD", function() return w end)
    local extra = {}
    for _, alternative in ipairs(alternatives[w] or {}) do extra[#extra + 1] = alternative_clause(alternative) end
    if #extra > 0 then
      body = body:gsub('"type":"best_fields"}}%]', function()
        return '"type":"best_fields"}},' .. table.concat(extra, ",") .. ']'
      end, 1)
    end
    requests[i] = wrk.format("POST", "/pinnwand-listings/_search?typed_keys=true",
      { ["Content-Type"] = "application/json" }, body)
  end
end

math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)

request = function()
  return requests[math.random(#requests)]
end

done = function(summary, latency, requests_)
  local non2xx = summary.errors.status
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %d %d %d %d %d\n", summary.requests, latency:percentile(50),
    latency:percentile(99), non2xx, socket))
end
