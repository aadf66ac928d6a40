# SARIF 2.1.0 (SPEC §2) checked against the schema's own rules for every object
# policyc writes: the required properties, no property the schema does not
# define (its objects are additionalProperties: false), the enumerations, and
# what GitHub code scanning needs to show an alert (rule id, message text, an
# artifact location with a start line).
. "$(dirname "$0")/cli-lib.inc"
command -v python3 > /dev/null || { echo "skip: no python3"; exit 0; }
policy "$T/p/a.md" 甲制度 A-1 'colour: red'
policy "$T/p/b c.md" 乙制度 B-1 'status: bogus'
policy "$T/p/ok.md" 丙制度 C-1
printf 'rules:\n  frontmatter-unknown: error\n' > "$T/p/policyc.yml"

for args in p p/ok.md "$T/p"; do
(cd "$T" && "$POLICYC" check -q -f sarif $args) > "$T/out"
python3 - "$T/out" <<'PY' || fail "sarif of $args"
import json, re, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))

# properties each object may have (SARIF 2.1.0 schema, the objects used here)
allowed = {
    "sarifLog": {"$schema", "version", "runs", "inlineExternalProperties", "properties"},
    "run": {"tool", "invocations", "conversion", "language", "versionControlProvenance",
            "originalUriBaseIds", "artifacts", "logicalLocations", "graphs", "results",
            "automationDetails", "runAggregates", "baselineGuid", "redactionTokens",
            "defaultEncoding", "defaultSourceLanguage", "newlineSequences", "columnKind",
            "externalPropertyFileReferences", "threadFlowLocations", "taxonomies", "addresses",
            "translations", "policies", "webRequests", "webResponses", "specialLocations",
            "properties"},
    "tool": {"driver", "extensions", "properties"},
    "toolComponent": {"guid", "name", "organization", "product", "productSuite",
                      "shortDescription", "fullDescription", "fullName", "version",
                      "semanticVersion", "dottedQuadFileVersion", "releaseDateUtc", "downloadUri",
                      "informationUri", "globalMessageStrings", "notifications", "rules", "taxa",
                      "locations", "language", "contents", "isComprehensive",
                      "localizedDataSemanticVersion", "minimumRequiredLocalizedDataSemanticVersion",
                      "associatedComponent", "translationMetadata", "supportedTaxonomies",
                      "properties"},
    "reportingDescriptor": {"id", "deprecatedIds", "guid", "deprecatedGuids", "name",
                            "deprecatedNames", "shortDescription", "fullDescription",
                            "messageStrings", "defaultConfiguration", "helpUri", "help",
                            "relationships", "properties"},
    "multiformatMessageString": {"text", "markdown", "properties"},
    "reportingConfiguration": {"enabled", "level", "rank", "parameters", "properties"},
    "result": {"ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget",
               "locations", "guid", "correlationGuid", "occurrenceCount", "partialFingerprints",
               "fingerprints", "stacks", "codeFlows", "graphs", "graphTraversals",
               "relatedLocations", "suppressions", "baselineState", "rank", "attachments",
               "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa", "webRequest",
               "webResponse", "properties"},
    "message": {"text", "markdown", "id", "arguments", "properties"},
    "location": {"id", "physicalLocation", "logicalLocations", "message", "annotations",
                 "relationships", "properties"},
    "physicalLocation": {"address", "artifactLocation", "region", "contextRegion", "properties"},
    "artifactLocation": {"uri", "uriBaseId", "index", "description", "properties"},
    "region": {"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength",
               "byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties"},
}
levels = {"none", "note", "warning", "error"}

def obj(value, kind, required=()):
    assert isinstance(value, dict), (kind, value)
    extra = set(value) - allowed[kind]
    assert not extra, (kind, extra)
    for key in required:
        assert key in value, (kind, "lacks", key)
    return value

obj(log, "sarifLog", ("version", "runs"))
assert log["version"] == "2.1.0"
assert re.match(r"^https?://", log["$schema"]) and "2.1.0" in log["$schema"], log["$schema"]
assert len(log["runs"]) == 1
run = obj(log["runs"][0], "run", ("tool",))
assert run.get("columnKind", "unicodeCodePoints") in ("utf16CodeUnits", "unicodeCodePoints")
driver = obj(obj(run["tool"], "tool", ("driver",))["driver"], "toolComponent", ("name",))
assert driver["name"] == "policyc" and isinstance(driver["version"], str)
assert re.match(r"^https?://[^ ]+$", driver["informationUri"])
ids = []
for rule in driver["rules"]:
    obj(rule, "reportingDescriptor", ("id",))
    ids.append(rule["id"])
    text = obj(rule["shortDescription"], "multiformatMessageString", ("text",))["text"]
    assert isinstance(text, str) and 0 < len(text) <= 1024, rule
    assert obj(rule["defaultConfiguration"], "reportingConfiguration")["level"] in levels
assert len(ids) == len(set(ids)), "rule ids repeat"
assert isinstance(run["results"], list)
for res in run["results"]:
    obj(res, "result", ("message",))
    assert ids[res["ruleIndex"]] == res["ruleId"], res
    assert res["level"] in levels
    assert obj(res["message"], "message")["text"]
    assert 1 <= len(res["locations"]) <= 10
    for loc in res["locations"]:
        phys = obj(obj(loc, "location")["physicalLocation"], "physicalLocation")
        uri = obj(phys["artifactLocation"], "artifactLocation")["uri"]
        # a uri-reference: no space, no raw non-ASCII, no scheme from a colon
        assert re.match(r"^(file://)?[A-Za-z0-9\-._~/%]+$", uri), uri
        region = obj(phys["region"], "region")
        assert isinstance(region["startLine"], int) and region["startLine"] >= 1
        assert isinstance(region["startColumn"], int) and region["startColumn"] >= 1
PY
done
exit 0
