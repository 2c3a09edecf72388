// Name tables, the catalog's label sets and the string pool: engine/catalog.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "engine/catalog/name_table.hpp"
#include "engine/catalog/string_pool.hpp"
#include "engine/common/exception.hpp"

using newsgraph::Catalog;
using newsgraph::LabelId;
using newsgraph::NameTable;
using newsgraph::StringPool;

TEST_CASE("NameTable interns names to dense ids in order of first appearance", "[catalog]") {
    NameTable table("labels", 100);
    CHECK(table.size() == 0U);
    CHECK(table.intern("Actor") == 0U);
    CHECK(table.intern("Country") == 1U);
    CHECK(table.intern("Actor") == 0U);
    CHECK(table.intern("actor") == 2U); // names are case-sensitive
    CHECK(table.intern("") == 3U);
    CHECK(table.size() == 4U);
    CHECK(table.name(0) == "Actor");
    CHECK(table.name(1) == "Country");
    CHECK(table.name(2) == "actor");
    CHECK(table.name(3).empty());
    CHECK(table.names() == std::vector<std::string>{"Actor", "Country", "actor", ""});
    CHECK_THROWS_AS(table.name(4), std::out_of_range);

    REQUIRE(table.find("Country").has_value());
    CHECK(*table.find("Country") == 1U);
    CHECK(*table.find(std::string_view("Actor")) == 0U);
    CHECK_FALSE(table.find("ACTOR").has_value());
    CHECK_FALSE(table.find("Group").has_value());
    CHECK(table.size() == 4U); // find adds nothing
}

TEST_CASE("NameTable truncate forgets the newest names and reuses their ids", "[catalog]") {
    NameTable table("types", 100);
    table.intern("BY");
    table.intern("OF");
    table.intern("TO");
    table.intern("REPORTED_IN");
    table.truncate(2);
    CHECK(table.size() == 2U);
    CHECK(*table.find("BY") == 0U);
    CHECK(*table.find("OF") == 1U);
    CHECK_FALSE(table.find("TO").has_value());
    CHECK_FALSE(table.find("REPORTED_IN").has_value());
    // A truncated name comes back with the next free id.
    CHECK(table.intern("REPORTED_IN") == 2U);
    CHECK(table.intern("TO") == 3U);
    CHECK(table.name(2) == "REPORTED_IN");
    // Truncating to a larger count changes nothing.
    table.truncate(10);
    CHECK(table.size() == 4U);
    table.truncate(0);
    CHECK(table.size() == 0U);
    CHECK_FALSE(table.find("BY").has_value());
    CHECK(table.intern("OF") == 0U);
}

TEST_CASE("NameTable throws StorageError when full", "[catalog]") {
    NameTable table("property keys", 3);
    table.intern("a");
    table.intern("b");
    table.intern("c");
    CHECK(table.intern("b") == 1U); // known names still resolve
    try {
        table.intern("d");
        FAIL("interning past the capacity did not throw");
    } catch (const newsgraph::StorageError& error) {
        CHECK(std::string(error.what()) == "too many property keys: the limit is 3");
        CHECK(error.kind() == "StorageError");
    }
    CHECK(table.size() == 3U);
    CHECK_FALSE(table.find("d").has_value());
}

TEST_CASE("Catalog keeps labels and types and keys in separate namespaces", "[catalog]") {
    Catalog catalog;
    CHECK(catalog.labelCount() == 0U);
    CHECK(catalog.typeCount() == 0U);
    CHECK(catalog.keyCount() == 0U);
    CHECK(catalog.internLabel("name") == 0);
    CHECK(catalog.internType("name") == 0);
    CHECK(catalog.internKey("name") == 0);
    CHECK(catalog.internLabel("Actor") == 1);
    CHECK(catalog.internKey("kind") == 1);
    CHECK(catalog.labelCount() == 2U);
    CHECK(catalog.typeCount() == 1U);
    CHECK(catalog.keyCount() == 2U);
    CHECK(catalog.labelName(1) == "Actor");
    CHECK(catalog.keyName(1) == "kind");
    CHECK(catalog.typeName(0) == "name");
    CHECK(*catalog.findLabel("Actor") == 1);
    CHECK_FALSE(catalog.findType("Actor").has_value());
    CHECK_FALSE(catalog.findKey("Actor").has_value());
}

TEST_CASE("Catalog label sets ignore order and repeats", "[catalog]") {
    Catalog catalog;
    CHECK(catalog.labelSetCount() == 1U); // the empty set, id 0
    CHECK(catalog.labelSet(0).empty());
    CHECK(catalog.internLabelSet({}) == 0U);

    const LabelId actor = catalog.internLabel("Actor");
    const LabelId country = catalog.internLabel("Country");
    const LabelId group = catalog.internLabel("Group");

    const newsgraph::LabelSetId actorCountry = catalog.internLabelSet({actor, country});
    CHECK(actorCountry == 1U);
    CHECK(catalog.internLabelSet({country, actor}) == actorCountry);
    CHECK(catalog.internLabelSet({country, actor, country, actor}) == actorCountry);
    const newsgraph::LabelSetId countryOnly = catalog.internLabelSet({country});
    CHECK(countryOnly == 2U);
    CHECK(catalog.internLabelSet({group, actor}) == 3U);
    CHECK(catalog.labelSetCount() == 4U);

    const auto labels = catalog.labelSet(actorCountry);
    CHECK(std::vector<LabelId>(labels.begin(), labels.end()) == std::vector<LabelId>{actor, country});
    const auto sorted = catalog.labelSet(3);
    CHECK(std::vector<LabelId>(sorted.begin(), sorted.end()) == std::vector<LabelId>{actor, group});

    CHECK(catalog.labelSetHas(actorCountry, actor));
    CHECK(catalog.labelSetHas(actorCountry, country));
    CHECK_FALSE(catalog.labelSetHas(actorCountry, group));
    CHECK_FALSE(catalog.labelSetHas(0, actor));
}

TEST_CASE("Catalog truncate forgets names and label sets of a rolled-back batch", "[catalog]") {
    Catalog catalog;
    const LabelId actor = catalog.internLabel("Actor");
    catalog.internType("BY");
    catalog.internKey("name");
    catalog.internLabelSet({actor});

    const LabelId claim = catalog.internLabel("Claim");
    catalog.internType("OF");
    catalog.internKey("kind");
    catalog.internLabelSet({claim});
    catalog.internLabelSet({actor, claim});
    REQUIRE(catalog.labelSetCount() == 4U);

    catalog.truncate(1, 1, 1, 2);
    CHECK(catalog.labelCount() == 1U);
    CHECK(catalog.typeCount() == 1U);
    CHECK(catalog.keyCount() == 1U);
    CHECK(catalog.labelSetCount() == 2U);
    CHECK_FALSE(catalog.findLabel("Claim").has_value());
    CHECK_FALSE(catalog.findType("OF").has_value());
    CHECK_FALSE(catalog.findKey("kind").has_value());
    CHECK(*catalog.findLabel("Actor") == actor);

    // The same names and sets come back as new entries with the freed ids.
    CHECK(catalog.internLabel("Claim") == 1);
    CHECK(catalog.internLabelSet({1}) == 2U);
    CHECK(catalog.internLabelSet({actor}) == 1U);
    CHECK(catalog.labelSetCount() == 3U);
}

TEST_CASE("StringPool interns each distinct string once", "[catalog]") {
    StringPool pool;
    CHECK(pool.size() == 0U);
    CHECK(pool.bytesUsed() == 0U);
    const newsgraph::StringId china = pool.intern("China");
    const newsgraph::StringId apt = pool.intern("APT31");
    CHECK(china == 0U);
    CHECK(apt == 1U);
    const size_t bytesAfterTwo = pool.bytesUsed();
    CHECK(bytesAfterTwo > 10U); // at least the characters
    CHECK(pool.intern("China") == china);
    CHECK(pool.intern(std::string("APT") + "31") == apt);
    CHECK(pool.size() == 2U);
    CHECK(pool.bytesUsed() == bytesAfterTwo); // repeats cost nothing
    CHECK(pool.intern("") == 2U);
    CHECK(pool.intern("china") == 3U);
    CHECK(pool.get(china) == "China");
    CHECK(pool.get(apt) == "APT31");
    CHECK(pool.get(2).empty());
    CHECK(pool.get(3) == "china");
    CHECK(*pool.find("APT31") == apt);
    CHECK_FALSE(pool.find("Apt31").has_value());
    CHECK_THROWS_AS(pool.get(4), std::out_of_range);
}

TEST_CASE("StringPool views stay valid as the pool grows and moves", "[catalog]") {
    StringPool pool;
    std::vector<std::string> texts;
    size_t wrongIntern = 0;
    for (int i = 0; i < 2000; ++i) {
        // Short strings live inside the std::string object: they must not move when the pool grows.
        texts.push_back(i % 2 == 0 ? std::to_string(i) : "a longer string that is allocated on the heap #" + std::to_string(i));
        wrongIntern += pool.intern(texts.back()) == static_cast<newsgraph::StringId>(i) ? 0 : 1;
    }
    CHECK(wrongIntern == 0U);
    StringPool moved = std::move(pool);
    REQUIRE(moved.size() == texts.size());
    size_t wrongText = 0;
    size_t wrongId = 0;
    for (size_t i = 0; i < texts.size(); ++i) {
        wrongText += moved.get(static_cast<newsgraph::StringId>(i)) == texts[i] ? 0 : 1;
        const auto found = moved.find(texts[i]);
        wrongId += found.has_value() && *found == static_cast<newsgraph::StringId>(i) ? 0 : 1;
    }
    CHECK(wrongText == 0U);
    CHECK(wrongId == 0U);
}
