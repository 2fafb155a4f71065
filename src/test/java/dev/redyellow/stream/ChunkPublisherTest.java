package dev.redyellow.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code @Timeout} only turns a hang (a publisher that waits for a slow subscriber) into a failure. */
@Timeout(60)
class ChunkPublisherTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Chunk publish(ChunkPublisher publisher, String text) {
        byte[] data = bytes(text);
        return publisher.publish("slugify", 1, ChunkKind.TEST_OUTPUT, data, 0, data.length);
    }

    @Test
    void slowSubscriberDoesNotHoldBackAFastOneAndIsToldWhatItMissed() throws Exception {
        int total = 500;
        int slowCapacity = 8;
        ChunkPublisher publisher = new ChunkPublisher();
        List<Chunk> fast = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch fastHasAll = new CountDownLatch(total);
        List<Chunk> slow = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch slowIsBusy = new CountDownLatch(1);
        CountDownLatch slowMayGoOn = new CountDownLatch(1);
        publisher.subscribe("fast", new CallbackSubscriber(chunk -> {
            fast.add(chunk);
            fastHasAll.countDown();
        }), total);
        StreamMetrics slowMetrics = publisher.subscribe("slow", new CallbackSubscriber(chunk -> {
            slow.add(chunk);
            try {
                if (slow.size() == 1) {
                    slowIsBusy.countDown();
                    slowMayGoOn.await();
                }
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), slowCapacity);

        publish(publisher, "line 1\n");
        slowIsBusy.await();
        for (int i = 2; i <= total; i++) {
            publish(publisher, "line " + i + "\n");
        }
        fastHasAll.await();

        assertEquals(total, fast.size());
        assertEquals(1, slow.size(), "the slow subscriber is still on its first chunk");
        slowMayGoOn.countDown();
        publisher.close();

        int skipped = total - 1 - slowCapacity;
        assertEquals(2 + slowCapacity, slow.size());
        assertEquals("line 1\n", slow.get(0).text());
        Chunk marker = slow.get(1);
        assertEquals(ChunkKind.LOG, marker.kind());
        assertEquals("[redyellow] " + skipped + " chunks skipped (slow viewer)\n", marker.text());
        for (int k = 0; k < slowCapacity; k++) {
            assertEquals("line " + (total - slowCapacity + 1 + k) + "\n", slow.get(2 + k).text(), "the newest chunks are kept");
        }
        assertStrictlyIncreasingSequences(slow);
        assertStrictlyIncreasingSequences(fast);
        StreamMetrics.Snapshot slowFigures = slowMetrics.snapshot();
        assertEquals(skipped, slowFigures.dropped());
        assertEquals(1, slowFigures.overflows());
        assertEquals(1 + slowCapacity, slowFigures.chunks(), "the marker is not counted as output");
        assertEquals(skipped, publisher.metrics().snapshot().dropped());
        assertEquals(0, publisher.subscriberSnapshots().get("fast").dropped());
    }

    @Test
    void aSlowSubscriberUnderSteadyOverloadStillGetsTheChunkAfterEachMarker() throws Exception {
        ChunkPublisher publisher = new ChunkPublisher();
        List<String> slow = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch onFirstChunk = new CountDownLatch(1);
        CountDownLatch onFirstMarker = new CountDownLatch(1);
        CountDownLatch leaveFirstChunk = new CountDownLatch(1);
        CountDownLatch leaveFirstMarker = new CountDownLatch(1);
        publisher.subscribe("slow", new CallbackSubscriber(chunk -> {
            slow.add(chunk.text().strip());
            try {
                if (slow.size() == 1) {
                    onFirstChunk.countDown();
                    leaveFirstChunk.await();
                } else if (chunk.kind() == ChunkKind.LOG && onFirstMarker.getCount() > 0) {
                    onFirstMarker.countDown();
                    leaveFirstMarker.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), 2);

        publish(publisher, "c1");
        onFirstChunk.await();
        for (int i = 2; i <= 5; i++) {
            publish(publisher, "c" + i);
        }
        leaveFirstChunk.countDown();
        onFirstMarker.await();
        publish(publisher, "c6");
        publish(publisher, "c7");
        leaveFirstMarker.countDown();
        publisher.close();

        assertEquals(List.of("c1", "[redyellow] 2 chunks skipped (slow viewer)", "c4",
                "[redyellow] 1 chunk skipped (slow viewer)", "c6", "c7"), List.copyOf(slow));
    }

    @Test
    void concurrentPublishersGetUniqueIncreasingSequencesDeliveredInOrder() throws Exception {
        ChunkPublisher publisher = new ChunkPublisher();
        List<Chunk> logged = new ArrayList<>();
        publisher.subscribeLossless("log", new CallbackSubscriber(logged::add));
        List<Chunk> viewed = Collections.synchronizedList(new ArrayList<>());
        publisher.subscribe("view", new CallbackSubscriber(viewed::add), 10_000);
        int threads = 4;
        int perThread = 1_000;
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String feature = "f" + t;
            Thread producer = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    byte[] data = bytes(feature + " " + i + "\n");
                    publisher.publish(feature, 1, ChunkKind.TEST_OUTPUT, data, 0, data.length);
                }
            });
            producers.add(producer);
            producer.start();
        }
        for (Thread producer : producers) {
            producer.join();
        }
        publisher.close();

        assertEquals(threads * perThread, logged.size());
        assertStrictlyIncreasingSequences(logged);
        assertEquals(logged.stream().map(Chunk::sequence).toList(), viewed.stream().map(Chunk::sequence).toList());
        for (int t = 0; t < threads; t++) {
            String feature = "f" + t;
            List<String> texts = logged.stream().filter(c -> c.featureId().equals(feature)).map(Chunk::text).toList();
            for (int i = 0; i < perThread; i++) {
                assertEquals(feature + " " + i + "\n", texts.get(i), "each publisher's own order is kept");
            }
        }
    }

    @Test
    void closeDeliversWhatIsQueuedThenCompletes() {
        ChunkPublisher publisher = new ChunkPublisher();
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        publisher.subscribe("view", new CallbackSubscriber(chunk -> received.add(chunk.text()), () -> received.add("END")), 100);
        for (int i = 0; i < 50; i++) {
            publish(publisher, "c" + i);
        }
        publisher.close();

        assertEquals(51, received.size());
        assertEquals("c49", received.get(49));
        assertEquals("END", received.get(50));
        assertThrows(IllegalStateException.class, () -> publish(publisher, "late"));
    }

    @Test
    void chunksCarryTheInjectedTimesAndLatencyIsMeasuredWithTheSameTicker() {
        AtomicLong ticker = new AtomicLong(1_000_000);
        Instant wall = Instant.parse("2026-11-24T10:00:00Z");
        ChunkPublisher publisher = new ChunkPublisher(() -> ticker.getAndAdd(5_000_000), Clock.fixed(wall, ZoneOffset.UTC));
        List<Chunk> logged = new ArrayList<>();
        StreamMetrics logMetrics = publisher.subscribeLossless("log", new CallbackSubscriber(logged::add));

        Chunk chunk = publish(publisher, "hello");
        publisher.close();

        assertEquals(1_000_000, chunk.emittedNanos());
        assertEquals(wall, chunk.emittedAt());
        assertEquals(List.of(chunk), logged);
        StreamMetrics.Snapshot figures = logMetrics.snapshot();
        assertEquals(1, figures.chunks());
        assertEquals(5, figures.bytes());
        Duration p50 = figures.latencyP50();
        assertTrue(p50.toNanos() >= 5_000_000 && p50.toNanos() <= 5_000_000 * 1.125, "p50 " + p50);
    }

    @Test
    void aLosslessSubscriberMustAskForEverything() {
        ChunkPublisher publisher = new ChunkPublisher();
        Flow.Subscriber<Chunk> bounded = new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(10);
            }

            @Override
            public void onNext(Chunk item) {
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        };
        assertThrows(IllegalArgumentException.class, () -> publisher.subscribeLossless("log", bounded));
    }

    @Test
    void aBufferedSubscriberGetsNoMoreThanItRequested() throws Exception {
        ChunkPublisher publisher = new ChunkPublisher();
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch subscribed = new CountDownLatch(1);
        Flow.Subscription[] subscription = new Flow.Subscription[1];
        CountDownLatch twoArrived = new CountDownLatch(2);
        publisher.subscribe("pull", new Flow.Subscriber<Chunk>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription[0] = s;
                s.request(2);
                subscribed.countDown();
            }

            @Override
            public void onNext(Chunk item) {
                received.add(item.text());
                twoArrived.countDown();
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
                received.add("END");
            }
        }, 10);
        subscribed.await();
        for (int i = 0; i < 5; i++) {
            publish(publisher, "c" + i);
        }
        twoArrived.await();
        assertEquals(List.of("c0", "c1"), List.copyOf(received));

        subscription[0].request(3);
        publisher.close();
        assertEquals(List.of("c0", "c1", "c2", "c3", "c4", "END"), List.copyOf(received));
    }

    @Test
    void rejectsTwoSubscribersWithTheSameName() {
        ChunkPublisher publisher = new ChunkPublisher();
        publisher.subscribe("view", new CallbackSubscriber(c -> { }), 4);
        assertThrows(IllegalArgumentException.class, () -> publisher.subscribe("view", new CallbackSubscriber(c -> { }), 4));
        publisher.close();
    }

    private static void assertStrictlyIncreasingSequences(List<Chunk> chunks) {
        List<Chunk> copy = List.copyOf(chunks);
        for (int i = 1; i < copy.size(); i++) {
            assertTrue(copy.get(i).sequence() > copy.get(i - 1).sequence(),
                    "sequence " + copy.get(i).sequence() + " after " + copy.get(i - 1).sequence());
        }
    }
}
