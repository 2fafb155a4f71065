package tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTableTest {

    @Test
    void alignsColumnsToTheirWidestCell() {
        String table = new TextTable(List.of("Name", "Role"), 20)
                .row("Ada", "Engineer")
                .row("Grace", "Admiral")
                .render();
        assertEquals("""
                Name   Role
                -----  --------
                Ada    Engineer
                Grace  Admiral""", table);
    }

    @Test
    void rightAlignsNumbers() {
        String table = new TextTable(List.of("Item", "Price"), 20)
                .row("Tea", "3.5")
                .row("Cake", "12.25")
                .render();
        assertEquals("""
                Item  Price
                ----  -----
                Tea     3.5
                Cake  12.25""", table);
    }

    @Test
    void cutsCellsLongerThanTheMaximumWidth() {
        String table = new TextTable(List.of("Title"), 10)
                .row("A very long title indeed")
                .render();
        assertEquals("""
                Title
                ----------
                A very lo\u2026""", table);
    }

    @ParameterizedTest(name = "{0} cells")
    @ValueSource(ints = {1, 3})
    void rejectsRowsWithTheWrongNumberOfCells(int cells) {
        TextTable table = new TextTable(List.of("A", "B"), 10);
        assertThrows(IllegalArgumentException.class, () -> table.row(new String[cells]));
    }

    @Test
    void tableWithoutRowsShowsItsHeader() {
        assertEquals("Id  Name\n--  ----", new TextTable(List.of("Id", "Name"), 10).render());
    }
}
