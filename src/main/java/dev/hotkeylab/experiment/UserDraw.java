package dev.hotkeylab.experiment;

import java.util.Random;

/**
 * Who sends the next ticket request: {@code user-0 .. user-(users-1)}, uniformly. Every ticket producer of the project
 * ({@code run}, {@code bench}, {@code soak}, the dashboard's form, {@code produce}) draws its users here, from a
 * stream of their own: seeded apart from the key strategy's randomness, so a strategy's use of randomness cannot change
 * which users send.
 */
public final class UserDraw {

    private final Random random;
    private final int users;

    /**
     * @param random the stream users are drawn from
     * @param users  how many distinct users, >= 1
     */
    public UserDraw(Random random, int users) {
        if (users < 1) {
            throw new IllegalArgumentException("users must be >= 1 but got " + users);
        }
        this.random = random;
        this.users = users;
    }

    /** The project's user stream for {@code seed}: {@code new Random(seed * 31 + 17)}, apart from the salts' stream. */
    public static UserDraw seeded(long seed, int users) {
        return new UserDraw(new Random(seed * 31 + 17), users);
    }

    /** The next user id, e.g. {@code user-42}. */
    public String next() {
        return "user-" + random.nextInt(users);
    }
}
