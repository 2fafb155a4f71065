package dev.redyellow.ui;

import dev.redyellow.cycle.FeatureState;
import dev.redyellow.manifest.Feature;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * What the graph shows of the open project and how to move about it, apart from the drawing: find
 * (type-ahead over ids and titles, next and previous), focus (a feature with its transitive
 * dependencies and dependents), groups (collapsed or expanded; all collapsed when the project has more
 * than {@link #COLLAPSED_ABOVE} features) and the state filter with its count. The picture to draw is
 * worked out in the background whenever what is shown changes.
 */
final class GraphViewModel {
    static final int COLLAPSED_ABOVE = 100;
    private static final System.Logger LOG = System.getLogger(GraphViewModel.class.getName());

    private final ProjectViewModel project;
    private final TaskExecutor tasks;
    private final ObjectProperty<GraphPicture> picture = new SimpleObjectProperty<>();
    private final Map<String, String> groupOf = new HashMap<>();
    private final Map<String, List<String>> groups = new LinkedHashMap<>();
    private final BooleanProperty grouped = new SimpleBooleanProperty();
    private final ObservableSet<String> collapsed = FXCollections.observableSet();
    private final ObjectProperty<String> focus = new SimpleObjectProperty<>();
    private Set<String> focusSet = Set.of();
    private final ObservableSet<FeatureState> filter = FXCollections.observableSet(EnumSet.noneOf(FeatureState.class));
    private final IntegerProperty shown = new SimpleIntegerProperty();
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<String> matches = FXCollections.observableArrayList();
    private final IntegerProperty match = new SimpleIntegerProperty(-1);
    private final IntegerProperty maxRows = new SimpleIntegerProperty(10);
    /** Pictures asked for so far; one that finishes after a newer one was asked for is dropped. */
    private long asked;
    private boolean quiet;

    GraphViewModel(ProjectViewModel project, TaskExecutor tasks) {
        this.project = project;
        this.tasks = tasks;
        project.projectProperty().addListener((o, was, now) -> {
            if (was != null && now != null && was.manifest() == now.manifest()) {
                relayout(); // laid out again after a run: what is shown stays
            } else {
                opened(now);
            }
        });
        InvalidationListener count = o -> countShown();
        project.items().addListener((ListChangeListener<FeatureItem>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(i -> i.stateProperty().addListener(count));
                c.getRemoved().forEach(i -> i.stateProperty().removeListener(count));
            }
            countShown();
        });
        filter.addListener((SetChangeListener<FeatureState>) c -> {
            countShown();
            relayout();
        });
        collapsed.addListener((SetChangeListener<String>) c -> relayout());
        grouped.addListener(o -> relayout());
        query.addListener((o, was, now) -> {
            matches.setAll(FeatureFinder.matches(features(), now));
            match.set(matches.isEmpty() ? -1 : 0);
        });
    }

    private List<Feature> features() {
        LoadedProject loaded = project.project();
        return loaded == null ? List.of() : loaded.manifest().features();
    }

    private void opened(LoadedProject loaded) {
        quiet = true;
        groups.clear();
        groupOf.clear();
        focus.set(null);
        focusSet = Set.of();
        filter.clear();
        query.set("");
        if (loaded != null) {
            groups.putAll(FeatureGroups.of(loaded.manifest().features()));
            groups.forEach((g, ids) -> ids.forEach(id -> groupOf.put(id, g)));
        }
        grouped.set(groups.size() > 1);
        collapsed.clear();
        if (grouped.get() && loaded != null && loaded.manifest().features().size() > COLLAPSED_ABOVE) {
            collapsed.addAll(groups.keySet());
        }
        quiet = false;
        relayout();
    }

    /** Works out the picture again, in the background (the layout of a group or a focus can take a while). */
    void relayout() {
        LoadedProject loaded = project.project();
        if (quiet || loaded == null) {
            return;
        }
        long mine = ++asked;
        GraphPicture.Request request = new GraphPicture.Request(loaded, shownIds(),
                grouped.get() && focus.get() == null ? Map.copyOf(groupOf) : null, Set.copyOf(collapsed), maxRows.get());
        tasks.run("lay out " + loaded.manifest().name(), () -> GraphPicture.of(request), drawn -> {
            if (mine == asked && project.project() == loaded) {
                picture.set(drawn);
            }
        }, failure -> LOG.log(System.Logger.Level.WARNING, "the graph could not be laid out", failure));
    }

    /**
     * The features the picture is made of: the focus, those in the filter's states, both, or all
     * (null). A filtered picture is laid out anew so that the features shown stand together.
     */
    private Set<String> shownIds() {
        Set<String> only = focus.get() == null ? null : focusSet;
        if (!filter.isEmpty()) {
            Set<String> passing = new java.util.HashSet<>();
            project.items().stream().filter(this::passes).forEach(i -> passing.add(i.id()));
            if (only != null) {
                passing.retainAll(only);
            }
            only = passing;
        }
        return only == null ? null : Set.copyOf(only);
    }

    /** A new height of the window, in rows: the picture is worked out again only if it wraps differently. */
    void maxRows(int rows) {
        int r = Math.max(3, rows);
        if (r != maxRows.get()) {
            maxRows.set(r);
            relayout();
        }
    }

    // ---- focus

    /** Shows only {@code id} with its transitive dependencies and dependents. */
    void focus(String id) {
        LoadedProject loaded = project.project();
        if (loaded == null || id == null || !loaded.graph().ids().contains(id)) {
            return;
        }
        focusSet = Neighbourhood.of(loaded.graph().graph(), id);
        focus.set(id);
        relayout();
    }

    /** Back to the whole graph; false when nothing was focused. */
    boolean unfocus() {
        if (focus.get() == null) {
            return false;
        }
        focus.set(null);
        focusSet = Set.of();
        relayout();
        return true;
    }

    Set<String> focusSet() {
        return focusSet;
    }

    // ---- groups

    void toggle(String group) {
        if (!collapsed.remove(group)) {
            collapsed.add(group);
        }
    }

    void collapseAll() {
        collapsed.addAll(groups.keySet());
    }

    void expandAll() {
        collapsed.clear();
    }

    String groupOf(String id) {
        return groupOf.get(id);
    }

    Map<String, List<String>> groups() {
        return groups;
    }

    // ---- filter

    private void countShown() {
        shown.set((int) project.items().stream().filter(this::passes).count());
    }

    boolean passes(FeatureItem item) {
        return filter.isEmpty() || filter.contains(item.state());
    }

    /** "3 of 300 features" while a filter is on; "300 features" without one. */
    String filterSummary() {
        int all = project.items().size();
        return filter.isEmpty() ? all + " features" : shown.get() + " of " + all + " features";
    }

    // ---- find

    /** The current match moved one on (or back), wrapping round; empty without matches. */
    Optional<String> nextMatch(boolean forward) {
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        int n = matches.size();
        match.set(((match.get() + (forward ? 1 : -1)) % n + n) % n);
        return Optional.of(matches.get(match.get()));
    }

    Optional<String> currentMatch() {
        return match.get() < 0 || match.get() >= matches.size() ? Optional.empty() : Optional.of(matches.get(match.get()));
    }

    /** "2 of 14", or "no match". */
    String matchSummary() {
        return matches.isEmpty() ? (query.get().isBlank() ? "" : "no match") : (match.get() + 1) + " of " + matches.size();
    }

    /**
     * Makes {@code id} part of the picture: out of focus if it is not in it, its group expanded, the
     * filter off if it hides it; then selects it (the details panel shows the selection). True when
     * the picture is being worked out again.
     */
    boolean reveal(String id) {
        boolean again = false;
        if (focus.get() != null && !focusSet.contains(id)) {
            focus.set(null);
            focusSet = Set.of();
            again = true;
        }
        Optional<FeatureItem> item = project.item(id);
        if (item.isPresent() && !passes(item.get())) {
            filter.clear();
        }
        String group = groupOf.get(id);
        quiet = true;
        if (grouped.get() && focus.get() == null && group != null && collapsed.remove(group)) {
            again = true;
        }
        quiet = false;
        if (again) {
            relayout();
        }
        project.select(id);
        return again;
    }

    ReadOnlyObjectProperty<GraphPicture> pictureProperty() {
        return picture;
    }

    GraphPicture picture() {
        return picture.get();
    }

    BooleanProperty groupedProperty() {
        return grouped;
    }

    ObservableSet<String> collapsed() {
        return collapsed;
    }

    ObjectProperty<String> focusProperty() {
        return focus;
    }

    ObservableSet<FeatureState> filter() {
        return filter;
    }

    IntegerProperty shownProperty() {
        return shown;
    }

    StringProperty queryProperty() {
        return query;
    }

    ObservableList<String> matches() {
        return matches;
    }

    IntegerProperty matchProperty() {
        return match;
    }

    ProjectViewModel project() {
        return project;
    }
}
