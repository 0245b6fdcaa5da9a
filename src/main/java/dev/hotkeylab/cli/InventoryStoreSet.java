package dev.hotkeylab.cli;

import dev.hotkeylab.inventory.InventoryConfig;
import dev.hotkeylab.inventory.InventoryStore;
import dev.hotkeylab.inventory.InventoryStores;
import dev.hotkeylab.inventory.StoreKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The stores a run reserves in, opened together (so a bad URL fails before the run) and closed together. */
final class InventoryStoreSet implements AutoCloseable, Iterable<InventoryStore> {

    private final List<InventoryStore> stores;

    private InventoryStoreSet(List<InventoryStore> stores) {
        this.stores = stores;
    }

    static InventoryStoreSet open(List<StoreKind> kinds, InventoryConfig config) {
        List<InventoryStore> opened = new ArrayList<>();
        try {
            for (StoreKind kind : kinds) {
                opened.add(InventoryStores.open(kind, config));
            }
            return new InventoryStoreSet(opened);
        } catch (RuntimeException e) {
            opened.forEach(InventoryStore::close);
            throw e;
        }
    }

    boolean isEmpty() {
        return stores.isEmpty();
    }

    @Override
    public Iterator<InventoryStore> iterator() {
        return stores.iterator();
    }

    @Override
    public void close() {
        stores.forEach(InventoryStore::close);
    }
}
