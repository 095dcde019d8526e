/**
 * Images of finished tasks: download a task's grid through the client's own HTTP stack, split a 2×2 grid into its
 * four images, and save them under predictable file names.
 *
 * <pre>{@code
 * try (MidjourneyClient client = MidjourneyClient.fromEnv()) {
 *     Task grid = client.imagine("a red fox in fresh snow", Speed.TURBO).join();
 *     SavedGrid files = client.images().saveGrid(grid, Path.of("mj-out")).join();
 *     // mj-out/<taskId>/grid.png, mj-out/<taskId>/1.png … 4.png
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.github.mjsdk.image.Images}: downloads ({@code client.images()}), size-capped and content-type
 *       checked, with the client's authentication rules.</li>
 *   <li>{@link io.github.mjsdk.image.GridSplitter}: decoding with ImageIO and splitting into quarters.</li>
 *   <li>{@link io.github.mjsdk.image.ImageFiles}: the file layout.</li>
 * </ul>
 *
 * <p>Decoding uses {@code javax.imageio} (module {@code java.desktop}): PNG and JPEG work out of the box; WebP needs
 * a WebP ImageIO plugin on the class path, such as {@code com.github.usefulness:webp-imageio} or TwelveMonkeys'
 * {@code com.twelvemonkeys.imageio:imageio-webp}. Nothing in this package opens a window or needs a display.
 */
package io.github.mjsdk.image;
