package io.github.mjsdk.examples;

import io.github.mjsdk.model.Balance;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code mj balance}: prints the account's balance ({@code MidjourneyClient.balance}). */
@Command(name = "balance", sortOptions = false,
        description = "Print the account's balance, in the provider's own unit: 'remaining', 'used', 'unit' (and"
            + " 'unlimited') lines.")
final class BalanceCommand implements Callable<Integer> {
    @ParentCommand
    private Mj mj;

    @Override
    public Integer call() {
        try (Connection connection = mj.connect(null)) {
            Balance balance = connection.client().balance().join();
            PrintStream out = mj.console().out();
            TaskOutput.line(out, "remaining", balance.remaining());
            TaskOutput.line(out, "used", balance.used());
            TaskOutput.line(out, "unit", balance.unit());
            if (balance.unlimited()) {
                TaskOutput.line(out, "unlimited", true);
            }
            return ExitCodes.OK;
        }
    }
}
