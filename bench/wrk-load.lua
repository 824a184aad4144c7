-- wrk script for bench/run.sh. Environment:
--   BENCH_MODE  portal (GET /api/v1/listings?q=) | es (POST /pinnwand-listings/_search, the portal's query)
--               | plain (POST /pinnwand-listings/_search, a plain body: multi_match on title and description, the
--               same expiry filter, four terms facets, size 20) | html (GET /search?q=)
--               | matches (GET /api/v1/listings/{id}/matches)
--   BENCH_CONCEPTS file from bench/concept_clauses.py: per word the text clauses (typed words, synonyms, concepts)
--               and the ranking functions
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

-- The body search.SearchRequests builds for a text query without filters (relevance order, page 1, size 20): the
-- exact phase, which is all that a query whose words the index knows costs (the tolerant phase runs only when a word
-- is unknown or nothing is found). Without facet filters the facets are plain terms aggregations and there is no
-- post filter; scoring adds freshness decay; two term suggesters in 'missing' mode (title, description) look for the
-- query's words unknown to the index; the 'did you mean' suggester belongs to the tolerant phase only. The Java
-- client adds ?typed_keys=true. Keep in step with SearchRequests. The topic facet counts parent topics only
-- (listings carry their sub-topics' parents too).
local facet = function(name, include)
  return '"' .. name .. '":{"terms":{"field":"' .. name .. '",' .. (include and ('"include":' .. include .. ',') or '')
    .. '"size":30}}'
end
local parents = '["language-learning","accompaniment","housing","donations","mobility","work","children",'
  .. '"health","leisure","meeting-places","interpreting","counselling"]'
local body_template = '{"aggregations":{' .. facet("kind") .. ',' .. facet("topics", parents) .. ',' .. facet("languages")
  .. ',' .. facet("district") .. '},"_source":{"excludes":["text","timeSlots"]},"from":0,'
  .. '"query":{"function_score":{"boost_mode":"multiply","score_mode":"sum",'
  .. '"functions":[{"gauss":{"createdAt":{"origin":"now","scale":"30d","decay":0.5}},"weight":0.5}],'
  .. '"query":{"bool":{"filter":[{"range":{"expiresAt":{"gt":"now"}}}],"must":[{"bool":{"minimum_should_match":"1",'
  .. '"should":[SHOULD]}}]}}}},'
  .. '"size":20,"sort":[{"_score":{"order":"desc"}},{"createdAt":{"order":"desc"}},{"id":{"order":"asc"}}],'
  .. '"suggest":{"text":"WORD","unknownInTitles":{"term":{"field":"title","min_word_length":4,"size":1,'
  .. '"suggest_mode":"missing"}},"unknownInDescriptions":{"term":{"field":"description","min_word_length":4,'
  .. '"size":1,"suggest_mode":"missing"}}},"track_total_hits":10000}'

-- The text clauses (the words as typed, their synonyms, the concepts: bench/concept_clauses.py mirrors
-- search.SearchRequests and search.CrossLanguage) are the bool's "should"; the functions that rank the query's own
-- language first go after the freshness decay.
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
    local concept = concepts[w]
    local should = (concept and #concept.clauses > 0) and concept.clauses
      or ('{"multi_match":{"fields":["title^3","description","text.*.title^3","text.*.description",'
        .. '"title.compound^1.5","description.compound^0.5"],"query":"' .. w .. '","type":"best_fields","_name":"typed"}}')
    body = body:gsub("SHOULD", function() return should end, 1)
    if concept and #concept.functions > 0 then
      body = body:gsub('"weight":0.5}%]', function() return '"weight":0.5},' .. concept.functions .. ']' end, 1)
    end
    requests[i] = wrk.format("POST", "/pinnwand-listings/_search?typed_keys=true",
      { ["Content-Type"] = "application/json" }, body)
  end
end

-- BENCH_DUMP=FILE: write each word's body (tab-separated, one a line) for bench/profile_query.py, so the profile
-- reads the very bodies this script sends.
local dump = os.getenv("BENCH_DUMP")
if dump and (mode == "es" or mode == "plain") then
  local out = io.open(dump, "w")
  for i, w in ipairs(words) do
    local body = requests[i]:match("\r\n\r\n(.*)$")
    out:write(w, "\t", body, "\n")
  end
  out:close()
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
