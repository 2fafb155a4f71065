package dev.redyellow.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tarjan's strongly connected components, each emitted after every component it depends on. */
final class StronglyConnected {
    private final Map<String, Set<String>> graph;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new HashSet<>();
    private final List<List<String>> out = new ArrayList<>();

    StronglyConnected(Map<String, Set<String>> graph) {
        this.graph = graph;
    }

    List<List<String>> components() {
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                visit(v);
            }
        }
        return out;
    }

    // Iterative, so a long chain of classes cannot overflow the stack.
    private void visit(String root) {
        Deque<Map.Entry<String, Iterator<String>>> frames = new ArrayDeque<>();
        open(root, frames);
        while (!frames.isEmpty()) {
            Map.Entry<String, Iterator<String>> top = frames.peek();
            String v = top.getKey();
            if (top.getValue().hasNext()) {
                String w = top.getValue().next();
                if (!index.containsKey(w)) {
                    open(w, frames);
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
                continue;
            }
            frames.pop();
            if (!frames.isEmpty()) {
                String parent = frames.peek().getKey();
                low.put(parent, Math.min(low.get(parent), low.get(v)));
            }
            if (low.get(v).equals(index.get(v))) {
                List<String> component = new ArrayList<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                component.sort(null);
                out.add(component);
            }
        }
    }

    private void open(String v, Deque<Map.Entry<String, Iterator<String>>> frames) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        frames.push(Map.entry(v, graph.getOrDefault(v, Set.of()).iterator()));
    }
}
