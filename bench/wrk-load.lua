-- wrk script for bench/run.sh. Environment:
--   BENCH_MODE  portal (GET /api/v1/listings?q=) | es (POST /pinnwand-listings/_search, the portal's query)
--               | plain (POST /pinnwand-listings/_search, a plain body: multi_match on title and description, the
--               same expiry filter, four terms facets, size 20) | html (GET /search?q=)
--               | matches (GET /api/v1/listings/{id}/matches)
--   BENCH_CONCEPTS file from bench/concept_clauses.py: per word the cross-language clauses and ranking functions
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
  .. '"title.compound^1.5","description.compound^0.5"],"query":"WORD","type":"best_fields","_name":"typed"}}]}}]}}}},'
  .. '"size":20,"sort":[{"_score":{"order":"desc"}},{"createdAt":{"order":"desc"}},{"id":{"order":"asc"}}],'
  .. '"suggest":{"text":"WORD","unknownInTitles":{"term":{"field":"title","min_word_length":4,"size":1,'
  .. '"suggest_mode":"missing"}},"unknownInDescriptions":{"term":{"field":"description","min_word_length":4,'
  .. '"size":1,"suggest_mode":"missing"}}},"track_total_hits":10000}'

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
      .. '"query":"' .. alternative .. '","type":"phrase","_name":"typed"}}'
  end
  return '{"multi_match":{"boost":0.8,"fields":["title^3","description","text.*.title^3","text.*.description",'
    .. '"title.compound^1.5","description.compound^0.5"],"query":"' .. alternative .. '","type":"best_fields",'
    .. '"_name":"typed"}}'
end

-- The concept clauses (search.CrossLanguage) go after the typed word's and its synonyms' clauses; the functions
-- that rank the query's own language first after the freshness decay.
local concepts = {}
local concepts_file = os.getenv("BENCH_CONCEPTS")
if concepts_file then
  for line in io.lines(concepts_file) do
    local word, clauses, functions = line:match("^([^\t]+)\t([^\t]*)\t([^\t]*)$")
    if word then
      concepts[word] = { clauses = clauses:sub(2, -2), functions = functions:sub(2, -2) }
    end
  end
end

-- The plain body: what a minimal search of the same board would send.
local plain_template = '{"aggregations":{"kind":{"terms":{"field":"kind"}},"topics":{"terms":{"field":"topics"}},'
  .. '"languages":{"terms":{"field":"languages"}},"district":{"terms":{"field":"district"}}},'
  .. '"query":{"bool":{"filter":[{"range":{"expiresAt":{"gt":"now"}}}],'
  .. '"must":[{"multi_match":{"fields":["title","description"],"query":"WORD"}}]}},"size":20}'

local function json_string(s)
  return (s:gsub('[%c"\\]', function(c) return string.format("\\u%04x", string.byte(c)) end))
end

local requests = {}
for i, w in ipairs(words) do
  if mode == "portal" then
    requests[i] = wrk.format("GET", "/api/v1/listings?q=" .. urlencode(w))
  elseif mode == "html" then
    requests[i] = wrk.format("GET", "/search?q=" .. urlencode(w))
  elseif mode == "matches" then
    requests[i] = wrk.format("GET", "/api/v1/listings/" .. w .. "/matches")
  elseif mode == "plain" then
    requests[i] = wrk.format("POST", "/pinnwand-listings/_search",
      { ["Content-Type"] = "application/json" }, (plain_template:gsub("WORD", function() return json_string(w) end)))
  else
    local body = body_template:gsub("WORD", function() return w end)
    local extra = {}
    for _, alternative in ipairs(alternatives[w] or {}) do extra[#extra + 1] = alternative_clause(alternative) end
    local concept = concepts[w]
    if concept and #concept.clauses > 0 then extra[#extra + 1] = concept.clauses end
    if #extra > 0 then
      body = body:gsub('"type":"best_fields","_name":"typed"}}%]', function()
        return '"type":"best_fields","_name":"typed"}},' .. table.concat(extra, ",") .. ']'
      end, 1)
    end
    if concept and #concept.functions > 0 then
      body = body:gsub('"weight":0.5}%]', function() return '"weight":0.5},' .. concept.functions .. ']' end, 1)
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
