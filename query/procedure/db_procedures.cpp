// db.labels(), db.relationshipTypes(), db.propertyKeys(), db.schema(): what the graph holds.
#include "query/procedure/db_procedures.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace newsgraph {

namespace {

using Rows = std::vector<std::vector<Value>>;

Rows singleColumn(std::set<std::string> names) {
    Rows rows;
    for (const std::string& name : names) {
        rows.push_back({Value(name)});
    }
    return rows;
}

// Labels and types in use: those of live nodes and relationships, not every name ever interned.
class LabelsProcedure final : public Procedure {
public:
    LabelsProcedure()
        : Procedure({"db.labels", {}, {{"label", ProcedureType::String, {}}}, "the labels of the graph's nodes"}) {}
    Rows call(const ProcedureContext& context, const std::vector<Value>& /*arguments*/) const override {
        const Graph& graph = context.graph;
        std::set<std::string> names;
        for (LabelId label = 0; label < graph.catalog().labelCount(); ++label) {
            const auto nodes = graph.nodesWithLabel(label);
            if (std::any_of(nodes.begin(), nodes.end(), [&](NodeId node) { return !graph.nodeDeleted(node); })) {
                names.insert(graph.catalog().labelName(label));
            }
        }
        return singleColumn(std::move(names));
    }
};

class RelationshipTypesProcedure final : public Procedure {
public:
    RelationshipTypesProcedure()
        : Procedure({"db.relationshipTypes", {}, {{"relationshipType", ProcedureType::String, {}}},
                     "the types of the graph's relationships"}) {}
    Rows call(const ProcedureContext& context, const std::vector<Value>& /*arguments*/) const override {
        const Graph& graph = context.graph;
        std::set<std::string> names;
        for (TypeId type = 0; type < graph.catalog().typeCount(); ++type) {
            const auto rels = graph.relsOfType(type);
            if (std::any_of(rels.begin(), rels.end(), [&](RelId rel) { return !graph.relDeleted(rel); })) {
                names.insert(graph.catalog().typeName(type));
            }
        }
        return singleColumn(std::move(names));
    }
};

// Every property key the catalog knows (as Neo4j's db.propertyKeys: also keys no entity uses any more).
class PropertyKeysProcedure final : public Procedure {
public:
    PropertyKeysProcedure()
        : Procedure({"db.propertyKeys", {}, {{"propertyKey", ProcedureType::String, {}}}, "the property keys"}) {}
    Rows call(const ProcedureContext& context, const std::vector<Value>& /*arguments*/) const override {
        std::set<std::string> names;
        for (PropertyKeyId key = 0; key < context.graph.catalog().keyCount(); ++key) {
            names.insert(context.graph.catalog().keyName(key));
        }
        return singleColumn(std::move(names));
    }
};

// (source label, type, target label, count): which kinds of nodes each relationship type joins.
// A node with several labels counts under each; a node without labels under ''.
class SchemaProcedure final : public Procedure {
public:
    SchemaProcedure()
        : Procedure({"db.schema",
                     {},
                     {{"source", ProcedureType::String, {}},
                      {"type", ProcedureType::String, {}},
                      {"target", ProcedureType::String, {}},
                      {"count", ProcedureType::Integer, {}}},
                     "relationship types with the labels they join and how often"}) {}
    Rows call(const ProcedureContext& context, const std::vector<Value>& /*arguments*/) const override {
        const Graph& graph = context.graph;
        const Catalog& catalog = graph.catalog();
        // Counted by ids first: names are looked up once per distinct triple.
        std::map<std::tuple<int32_t, TypeId, int32_t>, int64_t> counts;
        constexpr int32_t kUnlabelled = -1;
        for (RelId rel = 0; rel < graph.relCount(); ++rel) {
            if (graph.relDeleted(rel)) {
                continue;
            }
            const auto sources = graph.labels(graph.relSource(rel));
            const auto targets = graph.labels(graph.relTarget(rel));
            for (size_t s = 0; s < std::max<size_t>(sources.size(), 1); ++s) {
                for (size_t t = 0; t < std::max<size_t>(targets.size(), 1); ++t) {
                    const int32_t source = sources.empty() ? kUnlabelled : sources[s];
                    const int32_t target = targets.empty() ? kUnlabelled : targets[t];
                    ++counts[{source, graph.relType(rel), target}];
                }
            }
        }
        auto labelName = [&](int32_t label) {
            return label == kUnlabelled ? std::string() : catalog.labelName(static_cast<LabelId>(label));
        };
        Rows rows;
        for (const auto& [key, count] : counts) {
            const auto& [source, type, target] = key;
            rows.push_back({Value(labelName(source)), Value(catalog.typeName(type)), Value(labelName(target)),
                            Value(count)});
        }
        std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
            return std::tie(a[0].asString(), a[1].asString(), a[2].asString()) <
                   std::tie(b[0].asString(), b[1].asString(), b[2].asString());
        });
        return rows;
    }
};

} // namespace

void addDbProcedures(ProcedureRegistry& registry) {
    registry.add(std::make_shared<LabelsProcedure>());
    registry.add(std::make_shared<RelationshipTypesProcedure>());
    registry.add(std::make_shared<PropertyKeysProcedure>());
    registry.add(std::make_shared<SchemaProcedure>());
}

} // namespace newsgraph
